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
    <message>
        <source>Draw something</source>
        <translation>Hãy vẽ gì đó</translation>
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
