<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>AugmentPreview</name>
    <message>
        <source>Eight training images appear here once a run has loaded them.</source>
        <extracomment>Images shown. Pixels per image side on screen.</extracomment>
        <translation>Tám ảnh huấn luyện sẽ hiện ở đây khi một lần huấn luyện đã nạp chúng.</translation>
    </message>
</context>
<context>
    <name>Coach</name>
    <message>
        <source>Lower the learning rate to {lr:g}</source>
        <extracomment>The recent batch loss this many times the one before means the loss is climbing. A layer with more than this share of dead units gets a hint. Training accuracy below this after an epoch is &quot;stuck near chance&quot; for 10 classes.</extracomment>
        <translation>Giảm tốc độ học xuống {lr:g}</translation>
    </message>
    <message>
        <source>The loss climbed from {before:.3f} to {recent:.3f} over the last {n} batches: the learning rate is probably too high.</source>
        <translation>Mất mát tăng từ {before:.3f} lên {recent:.3f} trong {n} batch gần nhất: có lẽ tốc độ học quá cao.</translation>
    </message>
    <message>
        <source>Training accuracy is {accuracy:.1%} after {epochs} epoch(s), near the 10 % of guessing: check the input normalisation and the learning rate.</source>
        <translation>Độ chính xác huấn luyện là {accuracy:.1%} sau {epochs} epoch, gần mức 10 % của đoán mò: hãy kiểm tra chuẩn hoá đầu vào và tốc độ học.</translation>
    </message>
    <message>
        <source>Turn augmentation on</source>
        <translation>Bật tăng cường dữ liệu</translation>
    </message>
    <message>
        <source>Validation loss rose from {v0:.3f} to {v2:.3f} over two epochs while training loss fell from {t0:.3f} to {t2:.3f}: overfitting. More L2, dropout or augmentation helps.</source>
        <translation>Mất mát kiểm định tăng từ {v0:.3f} lên {v2:.3f} sau hai epoch trong khi mất mát huấn luyện giảm từ {t0:.3f} xuống {t2:.3f}: quá khớp. Thêm L2, dropout hoặc tăng cường dữ liệu sẽ giúp ích.</translation>
    </message>
    <message>
        <source>{share:.0%} of the units after {name} never fired on the last sampled batch (dead ReLUs): a lower learning rate or leaky ReLU keeps them alive.</source>
        <translation>{share:.0%} số nút sau {name} không kích hoạt lần nào trên batch được lấy mẫu gần nhất (ReLU chết): tốc độ học thấp hơn hoặc Leaky ReLU giữ chúng hoạt động.</translation>
    </message>
</context>
<context>
    <name>InsideTrainingView</name>
    <message>
        <source>Start a run to see inside the network while it learns.</source>
        <translation>Hãy bắt đầu một lần huấn luyện để xem bên trong mạng khi nó học.</translation>
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
    <name>TrainingPanel</name>
    <message>
        <source>+1 epoch</source>
        <translation>+1 epoch</translation>
    </message>
    <message>
        <source>0.1 s / batch</source>
        <translation>0,1 s / batch</translation>
    </message>
    <message>
        <source>0.5 s / batch</source>
        <translation>0,5 s / batch</translation>
    </message>
    <message>
        <source>1 s / batch</source>
        <translation>1 s / batch</translation>
    </message>
    <message>
        <source>Apply to run</source>
        <translation>Áp dụng ngay</translation>
    </message>
    <message>
        <source>Could not save the model in its run folder {folder} ({reason}); saved it to {saved} instead.</source>
        <translation>Không lưu được mô hình vào thư mục của lần chạy {folder} ({reason}); đã lưu vào {saved}.</translation>
    </message>
    <message>
        <source>Could not write the run&apos;s record in {folder} ({reason}); training goes on.</source>
        <translation>Không ghi được hồ sơ của lần chạy trong {folder} ({reason}); quá trình huấn luyện vẫn tiếp tục.</translation>
    </message>
    <message>
        <source>From the next batch: {changes}</source>
        <translation>Từ batch kế tiếp: {changes}</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>Bên trong</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Đang đọc {name}…</translation>
    </message>
    <message>
        <source>Step</source>
        <extracomment>Below this page width the settings move from beside the curves into a &quot;Settings&quot; tab. what the live plot shows: the controller&apos;s store of the current run, or a loaded model&apos;s history (never a copy of a running run&apos;s curves) (model file, its run&apos;s curves or None) that Continue trains further the running run&apos;s settings as steered so far (its config, then &quot;Apply to run&quot;)</extracomment>
        <translation>Từng bước</translation>
    </message>
    <message>
        <source>full speed</source>
        <extracomment>How the progress bar names the way a run ended. Slow motion&apos;s choices: seconds waited after every batch, and how the menu says it.</extracomment>
        <translation>tốc độ tối đa</translation>
    </message>
    <message>
        <source>inside the network while it learns: gradients, update sizes, dead units, weights</source>
        <translation>bên trong mạng khi nó học: gradient, độ lớn cập nhật, nơ-ron chết, trọng số</translation>
    </message>
    <message>
        <source>paused: train one batch, then hold again</source>
        <translation>khi tạm dừng: huấn luyện một batch rồi dừng lại</translation>
    </message>
    <message>
        <source>paused: train to the end of this epoch, then hold again</source>
        <translation>khi tạm dừng: huấn luyện đến hết epoch này rồi dừng lại</translation>
    </message>
    <message>
        <source>use the settings that stay editable while training (momentum, L2, dropout, batch size, augmentation) from the next batch on; a batch size from the next epoch</source>
        <translation>dùng các thiết lập vẫn sửa được khi huấn luyện (momentum, L2, dropout, kích thước batch, tăng cường dữ liệu) từ batch kế tiếp; kích thước batch từ epoch kế tiếp</translation>
    </message>
    <message>
        <source>wait after every batch, to watch a small network learn</source>
        <translation>chờ sau mỗi batch để xem một mạng nhỏ học</translation>
    </message>
</context>
</TS>
