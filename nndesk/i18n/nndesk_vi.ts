<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>LabView</name>
    <message>
        <source>A copy of {name}, scored on {n:,} test images.</source>
        <translation>Một bản sao của {name}, chấm điểm trên {n:,} ảnh kiểm tra.</translation>
    </message>
    <message>
        <source>Add Gaussian noise to every weight, as a share of its layer&apos;s spread</source>
        <translation>Thêm nhiễu Gauss vào mọi trọng số (weight), theo tỉ lệ độ phân tán của tầng (layer) đó</translation>
    </message>
    <message>
        <source>Add to every bias of this layer</source>
        <translation>Cộng vào mọi bias của tầng (layer) này</translation>
    </message>
    <message>
        <source>Divide the outputs by this before softmax (1: the raw network)</source>
        <translation>Chia đầu ra cho số này trước softmax (1: mạng gốc)</translation>
    </message>
    <message>
        <source>ECE</source>
        <translation>ECE</translation>
    </message>
    <message>
        <source>Hidden units of this layer to switch off (nothing they send on)</source>
        <translation>Các nút ẩn của tầng (layer) này cần tắt (chúng không truyền gì đi tiếp)</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Tầng</translation>
    </message>
    <message>
        <source>Multiply this layer&apos;s weights</source>
        <translation>Nhân các trọng số (weight) của tầng (layer) này</translation>
    </message>
    <message>
        <source>Open or train a model, then evaluate it.</source>
        <translation>Mở hoặc huấn luyện một mô hình (model), rồi đánh giá nó.</translation>
    </message>
    <message>
        <source>Prune smallest</source>
        <translation>Cắt tỉa nhỏ nhất</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Save as new model…</source>
        <translation>Lưu thành mô hình mới…</translation>
    </message>
    <message>
        <source>Save the edited copy as a new model file (the original stays)</source>
        <translation>Lưu bản sao đã sửa thành một tệp mô hình mới (bản gốc được giữ nguyên)</translation>
    </message>
    <message>
        <source>Save the edited model</source>
        <translation>Lưu mô hình đã sửa</translation>
    </message>
    <message>
        <source>Scale weights ×</source>
        <translation>Nhân trọng số ×</translation>
    </message>
    <message>
        <source>Scored in {seconds:.2f} s. The original is never changed.</source>
        <translation>Chấm điểm trong {seconds:.2f} s. Bản gốc không bao giờ bị thay đổi.</translation>
    </message>
    <message>
        <source>Set the smallest weights of the whole network to zero</source>
        <translation>Đặt các trọng số (weight) nhỏ nhất của cả mạng về 0</translation>
    </message>
    <message>
        <source>Shift biases +</source>
        <translation>Dịch bias +</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Nhiệt độ</translation>
    </message>
    <message>
        <source>The layer the scale, shift and units apply to</source>
        <translation>Tầng (layer) mà phép nhân, phép dịch và các nút áp dụng vào</translation>
    </message>
    <message>
        <source>Undo every edit: back to the original</source>
        <translation>Hoàn tác mọi chỉnh sửa: trở về bản gốc</translation>
    </message>
    <message>
        <source>Units off</source>
        <translation>Nút tắt</translation>
    </message>
    <message>
        <source>Weight noise</source>
        <translation>Nhiễu trọng số</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>độ chính xác</translation>
    </message>
    <message>
        <source>confident mistakes</source>
        <translation>lỗi phân loại tự tin</translation>
    </message>
    <message>
        <source>e.g. 0, 5, 10-20</source>
        <translation>ví dụ 0, 5, 10-20</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>mất mát</translation>
    </message>
    <message>
        <source>measure</source>
        <translation>chỉ số</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>đã sửa</translation>
    </message>
    <message>
        <source>original</source>
        <translation>gốc</translation>
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
    <message>
        <source>Draw something</source>
        <translation>Hãy vẽ gì đó</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Compute the map off the window&apos;s thread (progress below)</source>
        <translation>Tính bản đồ ngoài luồng của cửa sổ (tiến độ ở dưới)</translation>
    </message>
    <message>
        <source>Draw the map</source>
        <translation>Vẽ bản đồ</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Tầng</translation>
    </message>
    <message>
        <source>PCA: the two directions of largest spread (instant). t-SNE: keeps neighbours together (about a minute for 2,000 images)</source>
        <translation>PCA: hai hướng phân tán lớn nhất (tức thì). t-SNE: giữ các điểm láng giềng gần nhau (khoảng một phút cho 2.000 ảnh)</translation>
    </message>
    <message>
        <source>Point at an image to see it.</source>
        <translation>Trỏ vào một ảnh để xem nó.</translation>
    </message>
    <message>
        <source>Test images on the map</source>
        <translation>Số ảnh kiểm tra trên bản đồ</translation>
    </message>
    <message>
        <source>The layer whose outputs place the images</source>
        <translation>Tầng (layer) có đầu ra dùng để đặt vị trí các ảnh</translation>
    </message>
    <message>
        <source>mistakes</source>
        <translation>lỗi phân loại</translation>
    </message>
    <message>
        <source>test image {index}, true {true}&lt;br&gt;{first} {pa:.0%}, {second} {pb:.0%}</source>
        <translation>ảnh kiểm tra {index}, nhãn đúng {true}&lt;br&gt;{first} {pa:.0%}, {second} {pb:.0%}</translation>
    </message>
    <message>
        <source>{method} of layer {layer}: {n:,} test images</source>
        <translation>{method} của tầng {layer}: {n:,} ảnh kiểm tra</translation>
    </message>
</context>
<context>
    <name>PredictionPanel</name>
    <message>
        <source>Not sure</source>
        <translation>Chưa chắc</translation>
    </message>
    <message>
        <source>Not sure below</source>
        <translation>Chưa chắc khi dưới</translation>
    </message>
    <message>
        <source>Raw probabilities</source>
        <translation>Xác suất gốc</translation>
    </message>
    <message>
        <source>Say &quot;Not sure&quot; and show the two best guesses when the calibrated top probability is under this (0: always answer)</source>
        <translation>Nói &quot;Chưa chắc&quot; và hiện hai dự đoán tốt nhất khi xác suất cao nhất (đã hiệu chỉnh) thấp hơn mức này (0: luôn trả lời)</translation>
    </message>
    <message>
        <source>Show the network&apos;s own probabilities instead of the calibrated ones. Calibration divides the outputs by a temperature fitted on held-out images, so that answers given at 80 % are right about 80 % of the time; it never changes which class wins.</source>
        <translation>Hiện xác suất gốc của mạng thay cho xác suất đã hiệu chỉnh. Hiệu chỉnh (calibration) chia đầu ra cho một nhiệt độ (temperature) được khớp trên các ảnh để riêng, để các câu trả lời ở mức 80 % đúng khoảng 80 % số lần; nó không bao giờ đổi lớp thắng.</translation>
    </message>
    <message>
        <source>{0} {1:.0f}% or {2} {3:.0f}%</source>
        <translation>{0} {1:.0f}% hoặc {2} {3:.0f}%</translation>
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
    <name>TrustView</name>
    <message>
        <source>&lt;b&gt;Can its answers be trusted?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Có tin được câu trả lời của nó không?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reliability&lt;/b&gt;: the test answers grouped by how sure the model was; when answers given at 80 % are right 80 % of the time, the bars reach the diagonal. &lt;b&gt;ECE&lt;/b&gt; (expected calibration error, 15 bins): the average gap, 0 is perfect. &lt;b&gt;T&lt;/b&gt;: the temperature fitted on held-out images that divides the outputs before softmax.</source>
        <translation>&lt;b&gt;Độ tin cậy (reliability)&lt;/b&gt;: các câu trả lời trên tập kiểm tra được nhóm theo mức chắc chắn của mô hình; khi các câu trả lời ở mức 80 % đúng 80 % số lần, các cột chạm đường chéo. &lt;b&gt;ECE&lt;/b&gt; (sai số hiệu chỉnh kỳ vọng, 15 khoảng): khoảng lệch trung bình, 0 là hoàn hảo. &lt;b&gt;T&lt;/b&gt;: nhiệt độ được khớp trên các ảnh để riêng, chia đầu ra trước softmax.</translation>
    </message>
    <message>
        <source>Answer only at or above</source>
        <translation>Chỉ trả lời khi từ</translation>
    </message>
    <message>
        <source>Answer only when the calibrated top probability reaches this: the curve shows how many test images would still be answered and how many of those answers would be confident mistakes</source>
        <translation>Chỉ trả lời khi xác suất cao nhất (đã hiệu chỉnh) đạt mức này: đường cong cho thấy còn bao nhiêu ảnh kiểm tra được trả lời và bao nhiêu câu trả lời trong đó là lỗi phân loại tự tin</translation>
    </message>
    <message>
        <source>Damage 1,000 test images by growing amounts of noise, rotation, shift, stroke thickness and an occluding patch, and plot the accuracy at each level</source>
        <translation>Làm hỏng 1.000 ảnh kiểm tra với mức tăng dần của nhiễu, xoay, dịch, độ dày nét và một mảng che, rồi vẽ độ chính xác (accuracy) ở mỗi mức</translation>
    </message>
    <message>
        <source>Damaging test images… %v / %m levels</source>
        <translation>Đang làm hỏng ảnh kiểm tra… %v / %m mức</translation>
    </message>
    <message>
        <source>ECE &lt;b&gt;{0:.4f}&lt;/b&gt; raw, &lt;b&gt;{1:.4f}&lt;/b&gt; calibrated (temperature {2:.2f}). Answering only at ≥ {3:.0%}: {4:.1%} of {5:,} test images answered, {6:.2%} of them right, &lt;b&gt;{7:,}&lt;/b&gt; confident mistakes.</source>
        <translation>ECE &lt;b&gt;{0:.4f}&lt;/b&gt; gốc, &lt;b&gt;{1:.4f}&lt;/b&gt; đã hiệu chỉnh (nhiệt độ {2:.2f}). Chỉ trả lời khi ≥ {3:.0%}: trả lời {4:.1%} trong {5:,} ảnh kiểm tra, {6:.2%} trong số đó đúng, &lt;b&gt;{7:,}&lt;/b&gt; lỗi phân loại tự tin.</translation>
    </message>
    <message>
        <source>Evaluate the model to see how well its confidence holds.</source>
        <translation>Đánh giá mô hình để xem độ tự tin của nó đáng tin đến đâu.</translation>
    </message>
    <message>
        <source>Measure robustness</source>
        <translation>Đo độ bền vững</translation>
    </message>
    <message>
        <source>Working out the calibration…</source>
        <translation>Đang tính hiệu chỉnh…</translation>
    </message>
</context>
</TS>
