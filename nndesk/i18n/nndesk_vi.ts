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
        <source>Could not save the model in its run folder {folder} ({reason}); saved it to {saved} instead.</source>
        <translation>Không lưu được mô hình vào thư mục của lần chạy {folder} ({reason}); đã lưu vào {saved}.</translation>
    </message>
    <message>
        <source>Could not write the run&apos;s record in {folder} ({reason}); training goes on.</source>
        <translation>Không ghi được hồ sơ của lần chạy trong {folder} ({reason}); quá trình huấn luyện vẫn tiếp tục.</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <extracomment>How the progress bar names the way a run ended. Below this page width the settings move from beside the curves into a &quot;Settings&quot; tab. what the live plot shows: the controller&apos;s store of the current run, or a loaded model&apos;s history (never a copy of a running run&apos;s curves) (model file, its run&apos;s curves or None) that Continue trains further</extracomment>
        <translation>Đang đọc {name}…</translation>
    </message>
</context>
<context>
    <name>WhyView</name>
    <message>
        <source> (computing…)</source>
        <translation> (đang tính…)</translation>
    </message>
    <message>
        <source>A training image labelled {label}; its last hidden layer&apos;s values are {distance} away from your drawing&apos;s.</source>
        <translation>Một ảnh huấn luyện có nhãn {label}; các giá trị ở tầng ẩn cuối của nó cách các giá trị của hình bạn vẽ {distance}.</translation>
    </message>
    <message>
        <source>Caution: a heat map shows what one method measures, not what the network “sees”. The methods often disagree, and a convincing map can hide a wrong reason: compare several.</source>
        <translation>Lưu ý: bản đồ nhiệt chỉ cho thấy điều một phương pháp đo được, không phải điều mạng “nhìn thấy”. Các phương pháp thường không khớp nhau, và một bản đồ thuyết phục vẫn có thể che giấu một lý do sai: hãy so sánh vài phương pháp.</translation>
    </message>
    <message>
        <source>Draw something: the training images most like it (for the network) show here.</source>
        <translation>Hãy vẽ gì đó: các ảnh huấn luyện giống nó nhất (theo mạng) sẽ hiện ở đây.</translation>
    </message>
    <message>
        <source>Explain the difference of two scores instead: red pixels argue for the first class rather than this one, blue pixels the other way round</source>
        <translation>Giải thích hiệu của hai điểm số: điểm ảnh đỏ ủng hộ lớp thứ nhất hơn lớp này, điểm ảnh xanh thì ngược lại</translation>
    </message>
    <message>
        <source>Explain:</source>
        <translation>Giải thích:</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>Gradient</translation>
    </message>
    <message>
        <source>Gradient × input</source>
        <translation>Gradient × đầu vào</translation>
    </message>
    <message>
        <source>How fast the score changes as ink is added at each pixel: a local slope, often speckled.</source>
        <extracomment>one line per method: what its map shows</extracomment>
        <translation>Điểm số thay đổi nhanh đến đâu khi thêm mực ở mỗi điểm ảnh: một độ dốc cục bộ, thường lốm đốm.</translation>
    </message>
    <message>
        <source>How much the score drops when a 4×4 square is blacked out (computed from the answers alone, so it works for any model).</source>
        <translation>Điểm số giảm bao nhiêu khi một ô vuông 4×4 bị tô đen (chỉ tính từ các câu trả lời, nên dùng được cho mọi mô hình).</translation>
    </message>
    <message>
        <source>How the map is computed. Gradient and gradient × input follow every stroke at once; the others take tens to hundreds of passes through the network and follow a moment later.</source>
        <translation>Cách tính bản đồ. Gradient và gradient × đầu vào theo kịp từng nét vẽ ngay lập tức; các phương pháp khác cần hàng chục đến hàng trăm lượt chạy qua mạng và hiện ra sau một lát.</translation>
    </message>
    <message>
        <source>Integrated gradients</source>
        <translation>Gradient tích phân (integrated gradients)</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Phương pháp:</translation>
    </message>
    <message>
        <source>Nearest training images (in the last hidden layer)</source>
        <translation>Ảnh huấn luyện gần nhất (trong tầng ẩn cuối cùng)</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>Chưa nạp mô hình nào.</translation>
    </message>
    <message>
        <source>Not available here.</source>
        <translation>Không có ở đây.</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>Che khuất (occlusion)</translation>
    </message>
    <message>
        <source>SmoothGrad</source>
        <translation>SmoothGrad</translation>
    </message>
    <message>
        <source>The class whose score the map explains</source>
        <translation>Lớp (class) có điểm số được bản đồ giải thích</translation>
    </message>
    <message>
        <source>The nearest training images need this model&apos;s training set on this computer.</source>
        <translation>Ảnh huấn luyện gần nhất cần tập huấn luyện của mô hình này có trên máy tính.</translation>
    </message>
    <message>
        <source>The overlay shows {method} for &lt;b&gt;{name}&lt;/b&gt; rather than &lt;b&gt;{other}&lt;/b&gt;{pending}. &lt;span style=&apos;color:{red}&apos;&gt;Red&lt;/span&gt; pixels argue for {name} over {other}, &lt;span style=&apos;color:{blue}&apos;&gt;blue&lt;/span&gt; pixels against.</source>
        <translation>Lớp phủ cho thấy {method} cho &lt;b&gt;{name}&lt;/b&gt; thay vì &lt;b&gt;{other}&lt;/b&gt;{pending}. Điểm ảnh &lt;span style=&apos;color:{red}&apos;&gt;đỏ&lt;/span&gt; ủng hộ {name} hơn {other}, điểm ảnh &lt;span style=&apos;color:{blue}&apos;&gt;xanh&lt;/span&gt; chống lại.</translation>
    </message>
    <message>
        <source>The overlay shows {method} for &lt;b&gt;{name}&lt;/b&gt;{pending}. &lt;span style=&apos;color:{red}&apos;&gt;Red&lt;/span&gt; pixels argue for it, &lt;span style=&apos;color:{blue}&apos;&gt;blue&lt;/span&gt; pixels against.</source>
        <translation>Lớp phủ cho thấy {method} cho &lt;b&gt;{name}&lt;/b&gt;{pending}. Điểm ảnh &lt;span style=&apos;color:{red}&apos;&gt;đỏ&lt;/span&gt; ủng hộ nó, điểm ảnh &lt;span style=&apos;color:{blue}&apos;&gt;xanh&lt;/span&gt; chống lại.</translation>
    </message>
    <message>
        <source>The slope averaged along the way from a blank image to your drawing, times the ink: the map adds up to the score&apos;s change from a blank image.</source>
        <translation>Độ dốc lấy trung bình dọc đường đi từ một ảnh trống tới hình bạn vẽ, nhân với lượng mực: tổng của bản đồ bằng mức thay đổi điểm số so với ảnh trống.</translation>
    </message>
    <message>
        <source>The slope averaged over 24 copies of your drawing with random noise added, so the speckle cancels out.</source>
        <translation>Độ dốc lấy trung bình trên 24 bản sao hình bạn vẽ có thêm nhiễu ngẫu nhiên, để các đốm lốm đốm triệt tiêu nhau.</translation>
    </message>
    <message>
        <source>The slope times the ink at each pixel: roughly what each inked pixel contributed.</source>
        <translation>Độ dốc nhân với lượng mực ở mỗi điểm ảnh: đại khái phần đóng góp của từng điểm ảnh có mực.</translation>
    </message>
    <message>
        <source>The {n} images among the first {pool} training images whose last hidden layer is closest to your drawing&apos;s (Euclidean distance d): what the network treats as most alike.</source>
        <translation>{n} ảnh trong {pool} ảnh huấn luyện đầu tiên có tầng ẩn cuối gần với của hình bạn vẽ nhất (khoảng cách Euclid d): những ảnh mà mạng coi là giống nhất.</translation>
    </message>
    <message>
        <source>This model&apos;s file names no registered training set (it was trained on an image folder), so there are no training images to compare with.</source>
        <translation>Tệp của mô hình này không ghi tập huấn luyện đã đăng ký nào (nó được huấn luyện trên một thư mục ảnh), nên không có ảnh huấn luyện để so sánh.</translation>
    </message>
    <message>
        <source>and not:</source>
        <translation>chứ không phải:</translation>
    </message>
    <message>
        <source>the answer</source>
        <translation>câu trả lời</translation>
    </message>
    <message>
        <source>— (no contrast)</source>
        <translation>— (không so sánh)</translation>
    </message>
</context>
</TS>
