<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>InsideView</name>
    <message>
        <source>Arithmetic</source>
        <translation>Phép tính</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>logits -&gt; exp -&gt; probabilities, with a temperature</source>
        <translation>logit -&gt; exp -&gt; xác suất, với một nhiệt độ</translation>
    </message>
    <message>
        <source>the arithmetic of the unit or pixel you clicked</source>
        <translation>phép tính của nút hoặc điểm ảnh bạn vừa nhấp</translation>
    </message>
</context>
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
<context>
    <name>ModelSwitchNotice</name>
    <message>
        <source>Keep it</source>
        <translation>Giữ lại</translation>
    </message>
    <message>
        <source>Keep the new model and hide this note</source>
        <translation>Giữ mô hình mới và ẩn thông báo này</translation>
    </message>
    <message>
        <source>Now predicting with the model you just trained ({accuracy} on the test images).</source>
        <translation>Đang dự đoán bằng mô hình bạn vừa huấn luyện (độ chính xác {accuracy} trên các ảnh kiểm tra).</translation>
    </message>
    <message>
        <source>Now predicting with the model you just trained.</source>
        <translation>Đang dự đoán bằng mô hình bạn vừa huấn luyện.</translation>
    </message>
    <message>
        <source>Predict with the model you were using before this training run again</source>
        <translation>Dự đoán lại bằng mô hình bạn dùng trước lần huấn luyện này</translation>
    </message>
    <message>
        <source>Switch back to {model}</source>
        <translation>Quay lại mô hình {model}</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>Remove link</source>
        <translation>Gỡ liên kết</translation>
    </message>
    <message>
        <source>could not remove the link {name}: {reason}</source>
        <translation>không gỡ được liên kết {name}: {reason}</translation>
    </message>
    <message>
        <source>{name} is a link to {target}, not a run folder.

Remove the link? Only the link in {runs} goes; {target} and everything in it stay as they are.</source>
        <translation>{name} là một liên kết tới {target}, không phải thư mục của một lần chạy.

Gỡ liên kết này? Chỉ liên kết trong {runs} bị gỡ; {target} và mọi thứ bên trong vẫn giữ nguyên.</translation>
    </message>
</context>
<context>
    <name>TrainForm</name>
    <message>
        <source>Test accuracy here: {figure}.</source>
        <extracomment>The groups of the form, in order, with their titles. How some fields look (presentation only; ranges and help are the schema&apos;s). Fields the form does not show: the dataset and layers have their own rows, threads is the command line&apos;s.</extracomment>
        <translation>Độ chính xác trên tập kiểm tra ở đây: {figure}.</translation>
    </message>
    <message>
        <source>The lab it beats: {figure}.</source>
        <translation>Bài lab mà cấu hình này vượt qua: {figure}.</translation>
    </message>
    <message>
        <source>The lab: {figure}.</source>
        <translation>Bài lab: {figure}.</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Could not save the model in its run folder {folder} ({reason}); saved it to {saved} instead.</source>
        <translation>Không lưu được mô hình vào thư mục của lần chạy {folder} ({reason}); đã lưu vào {saved}.</translation>
    </message>
    <message>
        <source>Could not write the run&apos;s record in {folder} ({reason}); training goes on.</source>
        <translation>Không ghi được hồ sơ của lần chạy trong {folder} ({reason}); quá trình huấn luyện vẫn tiếp tục.</translation>
    </message>
    <message>
        <source>Model saved: {path}</source>
        <translation>Đã lưu mô hình: {path}</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <extracomment>How the progress bar names the way a run ended. Below this page width the settings move from beside the curves into a &quot;Settings&quot; tab. what the live plot shows: the controller&apos;s store of the current run, or a loaded model&apos;s history (never a copy of a running run&apos;s curves) (model file, its run&apos;s curves or None) that Continue trains further</extracomment>
        <translation>Đang đọc {name}…</translation>
    </message>
</context>
</TS>
