<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>Language</name>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Khởi động lại ngay</translation>
    </message>
    <message>
        <source>nndesk speaks the new language from its next start. Restart now? A training run in progress is stopped first (you are asked).</source>
        <translation>nndesk dùng ngôn ngữ mới từ lần khởi động tới. Khởi động lại ngay? Nếu đang huấn luyện, bạn sẽ được hỏi trước khi dừng.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>Ngôn ngữ của &amp;hệ thống</translation>
    </message>
</context>
</TS>
