<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name></name>
    <message>
        <source>784 inputs, hidden widths, 10 classes, e.g. 784-64-64-10; CNN: 784-c32-p-c64-p-128-10 (cN = 3x3 conv with N filters, padded; cNv = the same without padding, as Keras; cNkK = KxK conv; p = 2x2 max-pool, bn = batch norm)</source>
        <translation>784 đầu vào, độ rộng các tầng ẩn, 10&#xa0;lớp, ví dụ 784-64-64-10; CNN: 784-c32-p-c64-p-128-10 (cN = tích chập 3×3 với N bộ lọc, có đệm; cNv = như vậy nhưng không đệm, như Keras; cNkK = tích chập K×K; p = gộp cực đại (max pooling) 2×2, bn = chuẩn hoá theo batch (batch norm))</translation>
    </message>
    <message>
        <source>Accuracy per epoch</source>
        <translation>Độ chính xác theo epoch</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Hàm kích hoạt</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>Augment</source>
        <translation>Tăng cường</translation>
    </message>
    <message>
        <source>BCE</source>
        <translation>BCE</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Kích thước batch</translation>
    </message>
    <message>
        <source>BatchNorm</source>
        <translation>chuẩn hoá theo batch</translation>
    </message>
    <message>
        <source>CE</source>
        <translation>CE</translation>
    </message>
    <message>
        <source>Cannot download {title}: no download server could be reached (offline?).</source>
        <translation>Không tải được {title}: không kết nối được máy chủ tải nào (đang ngoại tuyến?).</translation>
    </message>
    <message>
        <source>Clip norm</source>
        <translation>Cắt gradient</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Ma trận nhầm lẫn</translation>
    </message>
    <message>
        <source>Confusion matrix (test set, accuracy {accuracy})</source>
        <translation>Ma trận nhầm lẫn (tập kiểm tra, độ chính xác {accuracy})</translation>
    </message>
    <message>
        <source>Confusion matrix ({split}, accuracy {accuracy})</source>
        <translation>Ma trận nhầm lẫn ({split}, độ chính xác {accuracy})</translation>
    </message>
    <message>
        <source>Conv {k}</source>
        <translation>Tích chập {k}</translation>
    </message>
    <message>
        <source>Conv2D</source>
        <translation>tích chập</translation>
    </message>
    <message>
        <source>Coverage vs accuracy</source>
        <translation>Tỉ lệ trả lời và độ chính xác</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Tập dữ liệu</translation>
    </message>
    <message>
        <source>Dead ReLU share</source>
        <translation>Tỉ lệ ReLU chết</translation>
    </message>
    <message>
        <source>Decay rate</source>
        <translation>Tốc độ giảm</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>kết nối đầy đủ</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Tỉ lệ dropout</translation>
    </message>
    <message>
        <source>Dropout: off when predicting, {value} passes unchanged</source>
        <translation>Dropout: tắt khi dự đoán, {value} đi qua không đổi</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <source>Epsilon</source>
        <translation>Epsilon</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Mỗi</translation>
    </message>
    <message>
        <source>Fashion CNN lab: 784-c32v-p-c64v-p-128-10, Adam, dropout {dropout:g}, cosine, 10 epochs</source>
        <translation>Bài lab CNN Fashion: 784-c32v-p-c64v-p-128-10, Adam, dropout {dropout:g}, cosine, 10&#xa0;epoch</translation>
    </message>
    <message>
        <source>Fashion lab: 784-300-300-100-100-10 PReLU, L2 {l2:g}, Adam {lr:g}, exp decay after 10</source>
        <translation>Bài lab Fashion: 784-300-300-100-100-10 PReLU, L2 {l2:g}, Adam {lr:g}, giảm mũ sau 10&#xa0;epoch</translation>
    </message>
    <message>
        <source>Fashion lab: 784-64-64-10 ReLU/softmax, Adam {lr:g}, CE, inputs in [-1, 1], 5 epochs</source>
        <translation>Bài lab Fashion: 784-64-64-10 ReLU/softmax, Adam {lr:g}, entropy chéo, đầu vào trong [-1;&#xa0;1], 5&#xa0;epoch</translation>
    </message>
    <message>
        <source>First-layer weights, by epoch (rows)</source>
        <translation>Trọng số tầng đầu, theo epoch (hàng)</translation>
    </message>
    <message>
        <source>Flatten</source>
        <translation>làm phẳng</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>Chuẩn của gradient</translation>
    </message>
    <message>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <source>Hidden {k}</source>
        <extracomment>a layer&apos;s name where a student picks or reads one (Inside, Lab, Map): the Inside diagram&apos;s words, counted per kind from 1; the model&apos;s own index (0-based, activations and dropouts counted) made &quot;Hidden 2&quot; layer 3 in the Lab and 4 in the Map (walk59 D11)</extracomment>
        <translation>Ẩn {k}</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Số ảnh</translation>
    </message>
    <message>
        <source>Images per class</source>
        <translation>Số ảnh mỗi lớp</translation>
    </message>
    <message>
        <source>Init</source>
        <translation>Khởi tạo</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Đầu vào</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Các tầng</translation>
    </message>
    <message>
        <source>LeCun</source>
        <translation>LeCun</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Tốc độ học</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Hàm mất mát</translation>
    </message>
    <message>
        <source>Loss per batch</source>
        <translation>Mất mát theo batch</translation>
    </message>
    <message>
        <source>Loss per batch (log scale)</source>
        <translation>Mất mát theo batch (log)</translation>
    </message>
    <message>
        <source>Loss per epoch</source>
        <translation>Mất mát theo epoch</translation>
    </message>
    <message>
        <source>Loss per epoch (log scale)</source>
        <translation>Mất mát theo epoch (log)</translation>
    </message>
    <message>
        <source>MNIST lab: 784-784-10 ReLU hidden, sigmoid output, BCE, raw pixels</source>
        <translation>Bài lab MNIST: 784-784-10, tầng ẩn ReLU, đầu ra sigmoid, entropy chéo nhị phân, điểm ảnh thô</translation>
    </message>
    <message>
        <source>MNIST lab: 784-784-10 ReLU/sigmoid, BCE, pixels scaled to [0, 1]</source>
        <translation>Bài lab MNIST: 784-784-10 ReLU/sigmoid, entropy chéo nhị phân, điểm ảnh đưa về [0;&#xa0;1]</translation>
    </message>
    <message>
        <source>MNIST lab: 784-784-10 sigmoid/sigmoid, BCE, Adam {lr:g}, batch 128, raw pixels</source>
        <translation>Bài lab MNIST: 784-784-10 sigmoid/sigmoid, entropy chéo nhị phân, Adam {lr:g}, batch 128, điểm ảnh thô</translation>
    </message>
    <message>
        <source>MNIST lab: 784-784-784-784-10 ReLU/sigmoid, BCE, Adam {lr:g}, pixels in [0, 1]</source>
        <translation>Bài lab MNIST: 784-784-784-784-10 ReLU/sigmoid, entropy chéo nhị phân, Adam {lr:g}, điểm ảnh trong [0;&#xa0;1]</translation>
    </message>
    <message>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <source>MaxPool2D</source>
        <translation>gộp cực đại</translation>
    </message>
    <message>
        <source>Mean image of each class</source>
        <translation>Ảnh trung bình của mỗi lớp</translation>
    </message>
    <message>
        <source>Minimum LR</source>
        <translation>Tốc độ học nhỏ nhất</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Quán tính</translation>
    </message>
    <message>
        <source>Multiply by</source>
        <translation>Nhân với</translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation>Quán tính Nesterov</translation>
    </message>
    <message>
        <source>No ReLU layer in this network: none of its units can die (stay at 0)</source>
        <translation>Mạng này không có tầng ReLU: không nơ-ron nào có thể chết (luôn bằng 0)</translation>
    </message>
    <message>
        <source>One test image at each level (true class: {name}), and the answer</source>
        <translation>Một ảnh kiểm tra ở mỗi mức (lớp đúng: {name}), và câu trả lời của mô hình</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Bộ tối ưu</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Đầu ra</translation>
    </message>
    <message>
        <source>PReLU (learned slope)</source>
        <translation>PReLU (độ dốc được học)</translation>
    </message>
    <message>
        <source>PReLU slope</source>
        <translation>Độ dốc PReLU</translation>
    </message>
    <message>
        <source>PReLU&apos;s learned negative slope starts here: 0.25 as in He et al. and PyTorch, 0 as in Keras</source>
        <translation>Độ dốc âm được học của PReLU bắt đầu từ đây: 0,25 như He và cộng sự và PyTorch, 0 như Keras</translation>
    </message>
    <message>
        <source>Pen width</source>
        <translation>Độ dày nét bút</translation>
    </message>
    <message>
        <source>Pool {k}</source>
        <translation>Gộp {k}</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>Lớp dự đoán</translation>
    </message>
    <message>
        <source>Predicted class (numbered as the rows)</source>
        <translation>Lớp dự đoán (đánh số như các hàng)</translation>
    </message>
    <message>
        <source>RMSProp</source>
        <translation>RMSProp</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Độ tin cậy</translation>
    </message>
    <message>
        <source>Reshape</source>
        <translation>đổi hình dạng</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Xoay</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>SGD + momentum</source>
        <translation>SGD + quán tính</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Lịch tốc độ học</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Hạt giống (seed)</translation>
    </message>
    <message>
        <source>Share of each class</source>
        <translation>Tỉ lệ của mỗi lớp</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Dịch</translation>
    </message>
    <message>
        <source>Sketches</source>
        <translation>Hình vẽ phác</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>The dataset cannot be read</source>
        <translation>Không đọc được tập dữ liệu</translation>
    </message>
    <message>
        <source>The helper process stopped: training goes on without it</source>
        <extracomment>``BatchReport.notice`` of the first batch after the run&apos;s helper process was lost (it died or failed): the rest of the run trains on this process&apos;s threads, with the same numbers.</extracomment>
        <translation>Tiến trình phụ đã dừng: việc huấn luyện vẫn tiếp tục mà không có nó</translation>
    </message>
    <message>
        <source>The image cannot be used</source>
        <translation>Không dùng được ảnh này</translation>
    </message>
    <message>
        <source>The model file cannot be used</source>
        <translation>Không dùng được tệp mô hình</translation>
    </message>
    <message>
        <source>This model was trained on an image folder (classes {names}): choose that folder as the image folder on the Train page to see its nearest training images.</source>
        <translation>Mô hình này được huấn luyện trên một thư mục ảnh (các lớp {names}): hãy chọn thư mục đó làm thư mục ảnh ở trang Huấn luyện để xem các ảnh huấn luyện gần nhất của nó.</translation>
    </message>
    <message>
        <source>This setting cannot be used</source>
        <translation>Không dùng được thiết lập này</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Số luồng</translation>
    </message>
    <message>
        <source>True class</source>
        <translation>Lớp đúng</translation>
    </message>
    <message>
        <source>Update / weight</source>
        <translation>Cập nhật / trọng số</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Kiểm định</translation>
    </message>
    <message>
        <source>Weights: now (solid) vs start (dashed)</source>
        <translation>Trọng số: hiện tại (liền)
và lúc đầu (đứt nét)</translation>
    </message>
    <message>
        <source>Xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Phóng to/thu nhỏ</translation>
    </message>
    <message>
        <source>[-1, 1]  (x / 127.5 - 1)</source>
        <translation>[-1;&#xa0;1]  (x / 127,5 - 1)</translation>
    </message>
    <message>
        <source>[0, 1]  (x / 255)</source>
        <translation>[0;&#xa0;1]  (x / 255)</translation>
    </message>
    <message>
        <source>a dataset nndesk knows (its name), or a folder with one sub-folder of images per class</source>
        <translation>một tập dữ liệu nndesk biết (theo tên), hoặc một thư mục có mỗi lớp một thư mục con chứa ảnh</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>một thiết bị</translation>
    </message>
    <message>
        <source>a folder, not a file</source>
        <translation>một thư mục, không phải tệp</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>một danh sách</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>một số</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>một phần của đường dẫn không phải là thư mục</translation>
    </message>
    <message>
        <source>a pipe</source>
        <translation>một ống dẫn</translation>
    </message>
    <message>
        <source>a positive number</source>
        <translation>là một số dương</translation>
    </message>
    <message>
        <source>a setting change is {value}, not an object</source>
        <translation>một thay đổi cài đặt là {value}, không phải một đối tượng</translation>
    </message>
    <message>
        <source>a setting change&apos;s schedule is {value}, not true for a learning rate</source>
        <translation>schedule của một thay đổi cài đặt là {value}, không phải true cho một tốc độ học</translation>
    </message>
    <message>
        <source>a setting change&apos;s x is {value}, not a position in epochs</source>
        <translation>x của một thay đổi cài đặt là {value}, không phải một vị trí tính bằng epoch</translation>
    </message>
    <message>
        <source>a setting change&apos;s {key} is {value}, not a number from 1</source>
        <translation>{key} của một thay đổi cài đặt là {value}, không phải một số từ 1 trở lên</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>một socket</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>một chuỗi</translation>
    </message>
    <message>
        <source>a whole number {low:g} to {high}</source>
        <translation>là một số nguyên từ {low:g} đến {high}</translation>
    </message>
    <message>
        <source>a {kernel}x{kernel} conv does not fit the {side}x{side} maps it gets</source>
        <translation>tầng tích chập {kernel}x{kernel} không vừa với bản đồ đặc trưng {side}x{side} mà nó nhận</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>độ chính xác</translation>
    </message>
    <message>
        <source>accuracy on those</source>
        <translation>độ chính xác trên các ảnh đó</translation>
    </message>
    <message>
        <source>added to sqrt(v) by Adam, AdamW and RMSProp; empty = the optimizer&apos;s default (1e-8 Adam, 1e-7 RMSProp; Keras uses 1e-7)</source>
        <translation>Adam, AdamW và RMSProp cộng số này vào sqrt(v); để trống = mặc định của bộ tối ưu (1e-8 Adam, 1e-7 RMSProp; Keras dùng 1e-7)</translation>
    </message>
    <message>
        <source>also measure accuracy on the test images after every epoch</source>
        <translation>đo thêm độ chính xác trên các ảnh kiểm tra sau mỗi epoch</translation>
    </message>
    <message>
        <source>an epoch of &apos;info.history&apos; is not an object of plain values</source>
        <translation>một epoch của &apos;info.history&apos; không phải là đối tượng gồm các giá trị đơn giản</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>một đối tượng</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>câu trả lời</translation>
    </message>
    <message>
        <source>arch {arch}: the input size must be {size} (28x28 images), not {n}</source>
        <translation>arch {arch}: kích thước đầu vào phải là {size} (ảnh 28×28), không phải {n}</translation>
    </message>
    <message>
        <source>arch {arch}: {n:,} weights is too many to train here (at most {limit:,})</source>
        <translation>arch {arch}: {n:,}&#xa0;trọng số là quá nhiều để huấn luyện ở đây (tối đa {limit:,})</translation>
    </message>
    <message>
        <source>architecture has {n} layers; at most {limit}</source>
        <translation>kiến trúc có {n}&#xa0;tầng; tối đa {limit}</translation>
    </message>
    <message>
        <source>architecture {arch!r} needs at least inputs and classes, e.g. 784-10</source>
        <translation>kiến trúc {arch!r} cần ít nhất số đầu vào và số lớp, ví dụ 784-10</translation>
    </message>
    <message>
        <source>array {name!r} contains NaN or infinite values</source>
        <translation>mảng {name!r} chứa giá trị NaN hoặc vô cùng</translation>
    </message>
    <message>
        <source>array {name!r} declares {size:,} bytes, more than the model needs</source>
        <translation>mảng {name!r} khai báo {size:,}&#xa0;byte, nhiều hơn mô hình cần</translation>
    </message>
    <message>
        <source>array {name!r} has a damaged header ({err})</source>
        <translation>mảng {name!r} có phần đầu bị hỏng ({err})</translation>
    </message>
    <message>
        <source>array {name!r} has shape {shape}</source>
        <translation>mảng {name!r} có kích thước {shape}</translation>
    </message>
    <message>
        <source>array {name!r} has shape {shape}, the architecture needs {need}</source>
        <translation>mảng {name!r} có kích thước {shape}, kiến trúc cần {need}</translation>
    </message>
    <message>
        <source>array {name!r} has unsupported dtype {dtype}</source>
        <translation>mảng {name!r} có kiểu dữ liệu {dtype} không được hỗ trợ</translation>
    </message>
    <message>
        <source>array {name!r} holds a different number of bytes</source>
        <translation>mảng {name!r} chứa số byte khác với khai báo</translation>
    </message>
    <message>
        <source>array {name!r} inflates from {packed:,} to {size:,} bytes, far more than weights compress</source>
        <translation>mảng {name!r} giải nén từ {packed:,} thành {size:,}&#xa0;byte, nhiều hơn hẳn mức trọng số có thể nén</translation>
    </message>
    <message>
        <source>array {name!r} is {dtype}, expected floating point</source>
        <translation>mảng {name!r} có kiểu {dtype}, cần số thực dấu phẩy động</translation>
    </message>
    <message>
        <source>array {name!r} of shape {shape} is too large</source>
        <translation>mảng {name!r} kích thước {shape} quá lớn</translation>
    </message>
    <message>
        <source>augment: share of images whose strokes get thicker or thinner</source>
        <translation>tăng cường dữ liệu: tỉ lệ ảnh có nét vẽ dày hơn hoặc mảnh hơn</translation>
    </message>
    <message>
        <source>augment: shifts up to this many pixels each way</source>
        <translation>tăng cường dữ liệu: dịch tối đa chừng này điểm ảnh mỗi chiều</translation>
    </message>
    <message>
        <source>augment: turns up to this many degrees each way</source>
        <translation>tăng cường dữ liệu: xoay tối đa chừng này độ mỗi chiều</translation>
    </message>
    <message>
        <source>augment: zoom in or out by up to this share (0.1 = 90% to 110%)</source>
        <translation>tăng cường dữ liệu: phóng to hoặc thu nhỏ tối đa tỉ lệ này (0,1 = 90% đến 110%)</translation>
    </message>
    <message>
        <source>auto (He for ReLU, Xavier else)</source>
        <translation>tự động (He cho ReLU, còn lại Xavier)</translation>
    </message>
    <message>
        <source>bad architecture in header ({err})</source>
        <translation>kiến trúc trong phần đầu tệp không hợp lệ ({err})</translation>
    </message>
    <message>
        <source>bad optimizer in header ({err})</source>
        <translation>bộ tối ưu trong phần đầu tệp không hợp lệ ({err})</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>batch</translation>
    </message>
    <message>
        <source>batch size {batch:,}: one batch of this network needs about {need:.1f} GB, more than the {free:.1f} GB free; use a smaller batch size</source>
        <translation>kích thước batch {batch:,}: một batch của mạng này cần khoảng {need:.1f}&#xa0;GB, nhiều hơn {free:.1f}&#xa0;GB còn trống; hãy dùng kích thước batch nhỏ hơn</translation>
    </message>
    <message>
        <source>batch {batch:,} is more than the {n:,} training images: every epoch is one full-batch step</source>
        <translation>kích thước batch {batch:,} lớn hơn {n:,}&#xa0;ảnh huấn luyện: mỗi epoch chỉ là một bước trên cả tập (full batch)</translation>
    </message>
    <message>
        <source>batch {size}</source>
        <translation>batch {size}</translation>
    </message>
    <message>
        <source>beats mnist-sigmoid-raw: the same sigmoid/sigmoid net and training, pixels in [0, 1]</source>
        <translation>vượt mnist-sigmoid-raw: cùng mạng và cách huấn luyện sigmoid/sigmoid, điểm ảnh trong [0;&#xa0;1]</translation>
    </message>
    <message>
        <source>beats the Fashion CNN lab: 784-c32-bn-p-c64-bn-p-256-10, batch norm, {epochs} epochs: the first stage of the shipped fashion-cnn, widened to 512 later</source>
        <translation>vượt bài lab CNN Fashion: 784-c32-bn-p-c64-bn-p-256-10, chuẩn hoá theo batch, {epochs}&#xa0;epoch: giai đoạn đầu của mô hình fashion-cnn có sẵn, về sau được mở rộng lên 512</translation>
    </message>
    <message>
        <source>beats the Fashion lab: 784-256-128-10, batch 64, 15 epochs, cosine decay</source>
        <translation>vượt bài lab Fashion: 784-256-128-10, batch 64, 15&#xa0;epoch, giảm cosine</translation>
    </message>
    <message>
        <source>beats the MNIST labs: 784-784-10 ReLU/softmax, CE, Adam {lr:g}, cosine, [0, 1] inputs</source>
        <translation>vượt các bài lab MNIST: 784-784-10 ReLU/softmax, entropy chéo, Adam {lr:g}, lịch cosine, đầu vào [0;&#xa0;1]</translation>
    </message>
    <message>
        <source>beats the PReLU lab: the same net with L2 {l2:g}, batch 64, cosine decay to {min_lr:g}</source>
        <translation>vượt bài lab PReLU: cùng mạng với L2 {l2:g}, batch 64, giảm cosine về {min_lr:g}</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>entropy chéo nhị phân</translation>
    </message>
    <message>
        <source>calibration field {key!r:.40} is not a plain value</source>
        <translation>trường hiệu chỉnh {key!r:.40} không phải là giá trị đơn giản</translation>
    </message>
    <message>
        <source>calibration temperature {t!r:.40} is not a number in {low:g}..{high:g}</source>
        <translation>nhiệt độ hiệu chỉnh {t!r:.40} không phải là số trong khoảng {low:g}..{high:g}</translation>
    </message>
    <message>
        <source>cannot be locked for writing ({lock}: {why})</source>
        <translation>không khoá được để ghi ({lock}: {why})</translation>
    </message>
    <message>
        <source>cannot be read ({reason})</source>
        <translation>không đọc được ({reason})</translation>
    </message>
    <message>
        <source>cannot build this network: {reason}</source>
        <translation>không dựng được mạng này: {reason}</translation>
    </message>
    <message>
        <source>cannot max-pool a {side}x{side} feature map</source>
        <translation>không thể gộp cực đại (max pooling) bản đồ đặc trưng {side}x{side}</translation>
    </message>
    <message>
        <source>cannot read ({reason})</source>
        <translation>không đọc được ({reason})</translation>
    </message>
    <message>
        <source>cannot write the download into {folder}: {reason}</source>
        <translation>không ghi được tệp tải về vào {folder}: {reason}</translation>
    </message>
    <message>
        <source>checksum mismatch: expected {expected}, got {got}</source>
        <translation>mã kiểm tra không khớp: cần {expected}, nhận được {got}</translation>
    </message>
    <message>
        <source>choose a folder with one sub-folder of images per class</source>
        <translation>hãy chọn một thư mục có mỗi lớp một thư mục con chứa ảnh</translation>
    </message>
    <message>
        <source>class name {name!r:.40} holds control characters</source>
        <translation>tên lớp {name!r:.40} chứa ký tự điều khiển</translation>
    </message>
    <message>
        <source>class name {name!r:.40} is not a short non-empty text</source>
        <translation>tên lớp {name!r:.40} không phải là một đoạn chữ ngắn, khác rỗng</translation>
    </message>
    <message>
        <source>class names must be a list of 1 to {limit} names</source>
        <translation>tên các lớp phải là danh sách từ 1 đến {limit} tên</translation>
    </message>
    <message>
        <source>clip the gradient&apos;s global norm to this; empty = off</source>
        <translation>cắt gradient: đưa chuẩn toàn cục (global norm) của gradient về giá trị này khi nó lớn hơn; để trống = tắt</translation>
    </message>
    <message>
        <source>confidence of the answer</source>
        <translation>độ tự tin của câu trả lời</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>kết nối bị từ chối</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>không đổi</translation>
    </message>
    <message>
        <source>contents do not match their checksum (damaged or edited)</source>
        <translation>nội dung không khớp mã kiểm tra (bị hỏng hoặc bị sửa)</translation>
    </message>
    <message>
        <source>conv layers need 784 inputs (28x28 images), got {n}</source>
        <translation>tầng tích chập cần 784 đầu vào (ảnh 28×28), nhưng nhận {n}</translation>
    </message>
    <message>
        <source>corrupt gzip data ({err})</source>
        <translation>dữ liệu gzip bị hỏng ({err})</translation>
    </message>
    <message>
        <source>cosine to a minimum</source>
        <translation>cosine về mức nhỏ nhất</translation>
    </message>
    <message>
        <source>cosine: the final rate</source>
        <translation>cosine: tốc độ học cuối cùng</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>entropy chéo</translation>
    </message>
    <message>
        <source>cross-entropy needs the softmax output, binary cross-entropy the sigmoid output; mean squared error takes any</source>
        <translation>entropy chéo cần đầu ra softmax, entropy chéo nhị phân cần đầu ra sigmoid; sai số bình phương trung bình dùng được với mọi đầu ra</translation>
    </message>
    <message>
        <source>curves.batch_x has {count} values but batch_loss {other}</source>
        <translation>curves.batch_x có {count} giá trị nhưng batch_loss có {other}</translation>
    </message>
    <message>
        <source>damaged model file (header field &apos;rng_states&apos; malformed)</source>
        <translation>tệp mô hình bị hỏng (trường &apos;rng_states&apos; của phần đầu sai dạng)</translation>
    </message>
    <message>
        <source>damaged random state for layer {key}</source>
        <translation>trạng thái ngẫu nhiên của tầng {key} bị hỏng</translation>
    </message>
    <message>
        <source>data folder {folder} does not exist</source>
        <translation>thư mục dữ liệu {folder} không tồn tại</translation>
    </message>
    <message>
        <source>data folder {folder} is a file, not a folder</source>
        <translation>thư mục dữ liệu {folder} là một tệp, không phải thư mục</translation>
    </message>
    <message>
        <source>decompresses to more than an MNIST-style file can hold</source>
        <translation>giải nén ra nhiều hơn một tệp kiểu MNIST có thể chứa</translation>
    </message>
    <message>
        <source>download cancelled</source>
        <translation>đã huỷ tải</translation>
    </message>
    <message>
        <source>each square: one unit&apos;s 28×28 weights; red &gt; 0, blue &lt; 0</source>
        <translation>mỗi ô: 28×28&#xa0;trọng số của một nút; đỏ &gt; 0, xanh &lt; 0</translation>
    </message>
    <message>
        <source>each square: one {h}×{w} filter; red &gt; 0, blue &lt; 0</source>
        <translation>mỗi ô: một bộ lọc {h}×{w}; đỏ &gt; 0, xanh &lt; 0</translation>
    </message>
    <message>
        <source>empty architecture; write it like 784-64-10 or 784-c32-p-128-10</source>
        <translation>kiến trúc đang trống; hãy viết như 784-64-10 hoặc 784-c32-p-128-10</translation>
    </message>
    <message>
        <source>ep {epoch}</source>
        <translation>epoch {epoch}</translation>
    </message>
    <message>
        <source>ep {epoch}, batch {batch}</source>
        <translation>epoch {epoch}, batch {batch}</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
    <message>
        <source>epoch {epoch} not shown: no room for its row</source>
        <translation>không hiện epoch {epoch}: không đủ chỗ cho hàng của nó</translation>
    </message>
    <message>
        <source>epochs {first}–{last} not shown: no room for their rows</source>
        <translation>không hiện các epoch {first}–{last}: không đủ chỗ cho các hàng</translation>
    </message>
    <message>
        <source>exp: multiply the rate by exp(-Decay rate) each epoch</source>
        <translation>exp: nhân tốc độ học với exp(-Tốc độ giảm) mỗi epoch</translation>
    </message>
    <message>
        <source>exponential after N epochs</source>
        <translation>giảm mũ sau N epoch</translation>
    </message>
    <message>
        <source>fashion-mlp-lab variant: 128 neurons per hidden layer, 10 epochs</source>
        <translation>biến thể fashion-mlp-lab: 128&#xa0;nơ-ron mỗi tầng ẩn, 10&#xa0;epoch</translation>
    </message>
    <message>
        <source>fashion-mlp-lab variant: three hidden layers of 64</source>
        <translation>biến thể fashion-mlp-lab: ba tầng ẩn 64&#xa0;nơ-ron</translation>
    </message>
    <message>
        <source>field &apos;digest&apos; missing or malformed</source>
        <translation>trường &apos;digest&apos; bị thiếu hoặc sai dạng</translation>
    </message>
    <message>
        <source>field &apos;info&apos; must be an object</source>
        <translation>trường &apos;info&apos; phải là một đối tượng</translation>
    </message>
    <message>
        <source>field &apos;info.calibration&apos; must be an object</source>
        <translation>trường &apos;info.calibration&apos; phải là một đối tượng</translation>
    </message>
    <message>
        <source>field &apos;info.history&apos; must be a list of epochs</source>
        <translation>trường &apos;info.history&apos; phải là danh sách các epoch</translation>
    </message>
    <message>
        <source>field &apos;info.{key}&apos; must be a short text, got {v!r:.40}</source>
        <translation>trường &apos;info.{key}&apos; phải là một đoạn chữ ngắn, nhưng là {v!r:.40}</translation>
    </message>
    <message>
        <source>field &apos;info.{key}&apos; must be an object of plain values</source>
        <translation>trường &apos;info.{key}&apos; phải là đối tượng gồm các giá trị đơn giản</translation>
    </message>
    <message>
        <source>field &apos;model&apos; must be an object</source>
        <translation>trường &apos;model&apos; (mô hình) phải là một đối tượng</translation>
    </message>
    <message>
        <source>field &apos;model.layers&apos; must be a non-empty list</source>
        <translation>trường &apos;model.layers&apos; (các tầng của mô hình) phải là danh sách khác rỗng</translation>
    </message>
    <message>
        <source>field &apos;optimizer&apos; must be an object or null</source>
        <translation>trường &apos;optimizer&apos; (bộ tối ưu) phải là một đối tượng hoặc null</translation>
    </message>
    <message>
        <source>field &apos;rng_states&apos; malformed</source>
        <translation>trường &apos;rng_states&apos; sai dạng</translation>
    </message>
    <message>
        <source>format is {value}: this nndesk reads run records of format {format} (a newer nndesk wrote it, or the file was edited)</source>
        <translation>format là {value}: bản nndesk này đọc bản ghi lượt chạy định dạng {format} (một bản nndesk mới hơn đã ghi nó, hoặc tệp đã bị sửa)</translation>
    </message>
    <message>
        <source>format version {version!r:.40} is not a number</source>
        <translation>phiên bản định dạng {version!r:.40} không phải là số</translation>
    </message>
    <message>
        <source>from-scratch tutorial: 784-10-10 ReLU/softmax, full-batch gradient descent, {epochs} epochs of one step each</source>
        <translation>bài hướng dẫn từ đầu: 784-10-10 ReLU/softmax, hạ gradient trên toàn bộ tập huấn luyện (full batch), {epochs}&#xa0;epoch, mỗi epoch một bước</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>cả tập (full batch)</translation>
    </message>
    <message>
        <source>gradient descent (full batch)</source>
        <translation>hạ gradient trên cả tập (full batch)</translation>
    </message>
    <message>
        <source>gzip data cut short</source>
        <translation>dữ liệu gzip bị cắt cụt</translation>
    </message>
    <message>
        <source>header is not a byte string</source>
        <translation>phần đầu tệp không phải là chuỗi byte</translation>
    </message>
    <message>
        <source>header is not valid JSON</source>
        <translation>phần đầu tệp không phải là JSON hợp lệ</translation>
    </message>
    <message>
        <source>header nests deeper than {limit} levels</source>
        <translation>phần đầu tệp lồng sâu hơn {limit} cấp</translation>
    </message>
    <message>
        <source>header nests too deeply</source>
        <translation>phần đầu tệp lồng quá sâu</translation>
    </message>
    <message>
        <source>healthy ≈ 10⁻³</source>
        <translation>mức tốt ≈ 10⁻³</translation>
    </message>
    <message>
        <source>history epoch {epoch!r:.40} is not a whole number</source>
        <translation>epoch {epoch!r:.40} trong lịch sử không phải là số nguyên</translation>
    </message>
    <message>
        <source>holds binary data, not settings text</source>
        <translation>chứa dữ liệu nhị phân, không phải văn bản cài đặt</translation>
    </message>
    <message>
        <source>how pixels 0..255 are scaled before the network</source>
        <translation>cách đưa điểm ảnh (giá trị từ 0 đến 255) về thang đo trước khi vào mạng</translation>
    </message>
    <message>
        <source>how the learning rate changes from epoch to epoch</source>
        <translation>tốc độ học thay đổi thế nào qua từng epoch</translation>
    </message>
    <message>
        <source>how the starting weights are drawn</source>
        <translation>cách lấy các trọng số ban đầu</translation>
    </message>
    <message>
        <source>images answered</source>
        <translation>ảnh được trả lời</translation>
    </message>
    <message>
        <source>images per update; &apos;full&apos; = the whole training split, plain gradient descent (0 too on the command line)</source>
        <translation>số ảnh mỗi lần cập nhật; &apos;full&apos; = toàn bộ phần huấn luyện, hạ gradient thường (trên dòng lệnh gõ 0 cũng được)</translation>
    </message>
    <message>
        <source>in {left}{low:g}, {high:g}{right}</source>
        <translation>trong {left}{low:g}; {high:g}{right}</translation>
    </message>
    <message>
        <source>input shape {shape} is too large</source>
        <translation>kích thước đầu vào {shape} quá lớn</translation>
    </message>
    <message>
        <source>is a folder</source>
        <translation>là một thư mục</translation>
    </message>
    <message>
        <source>is not a regular file (a pipe or a device)</source>
        <translation>không phải tệp thường (là một ống dẫn hoặc thiết bị)</translation>
    </message>
    <message>
        <source>is not a training setting</source>
        <translation>không phải là một thiết lập huấn luyện</translation>
    </message>
    <message>
        <source>is not in the settings file format</source>
        <translation>không đúng định dạng tệp cài đặt</translation>
    </message>
    <message>
        <source>is {size:,.0f} kB, far larger than any settings file (at most {limit} kB)</source>
        <translation>nặng {size:,.0f}&#xa0;kB, lớn hơn nhiều so với mọi tệp cài đặt (tối đa {limit}&#xa0;kB)</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>đây là một thư mục</translation>
    </message>
    <message>
        <source>layer 0: {part!r} is not an input size (digits 0-9)</source>
        <translation>tầng 0: {part!r} không phải là kích thước đầu vào (các chữ số 0-9)</translation>
    </message>
    <message>
        <source>layer 0: {part} inputs is more than {limit}</source>
        <translation>tầng 0: {part} đầu vào là nhiều hơn {limit}</translation>
    </message>
    <message>
        <source>layer {index}</source>
        <translation>tầng {index}</translation>
    </message>
    <message>
        <source>layer {index} of the model, as the exported code counts its layers</source>
        <extracomment>where the model&apos;s own index helps (the exported code and ``nndesk`` count layers so): the tooltip of a layer picked by name</extracomment>
        <translation>tầng {index} của mô hình, theo cách mã xuất ra đếm các tầng</translation>
    </message>
    <message>
        <source>layer {i}: empty token (two dashes in a row?)</source>
        <translation>tầng {i}: phần tử trống (hai dấu gạch liền nhau?)</translation>
    </message>
    <message>
        <source>layer {i}: width must be 1 to {limit}, got {part}</source>
        <translation>tầng {i}: độ rộng phải từ 1 đến {limit}, nhưng là {part}</translation>
    </message>
    <message>
        <source>layer {i}: {part!r} cannot follow a dense layer</source>
        <translation>tầng {i}: {part!r} không thể đứng sau một tầng kết nối đầy đủ (dense)</translation>
    </message>
    <message>
        <source>layer {i}: {part!r} is not a width (use the digits 0-9)</source>
        <translation>tầng {i}: {part!r} không phải là độ rộng (hãy dùng các chữ số 0-9)</translation>
    </message>
    <message>
        <source>layer {i}: {part!r} is not a width, cN, cNkK, cNv, p or bn</source>
        <translation>tầng {i}: {part!r} không phải là độ rộng, cN, cNkK, cNv, p hay bn</translation>
    </message>
    <message>
        <source>layer {i}: {part!r} is too big (at most {filters} filters, kernel {kernel})</source>
        <translation>tầng {i}: {part!r} quá lớn (tối đa {filters}&#xa0;bộ lọc, nhân chập {kernel})</translation>
    </message>
    <message>
        <source>layer {i}: {part!r} needs &gt;= 1 filters and an odd kernel size</source>
        <translation>tầng {i}: {part!r} cần &gt;= 1&#xa0;bộ lọc và kích thước nhân chập lẻ</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>tuyến tính</translation>
    </message>
    <message>
        <source>linear (raw scores)</source>
        <translation>tuyến tính (điểm thô)</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>mất mát</translation>
    </message>
    <message>
        <source>loss became {loss} at epoch {epoch} batch {batch}; try a lower learning rate</source>
        <translation>mất mát thành {loss} ở epoch {epoch}, batch {batch}; hãy thử tốc độ học thấp hơn</translation>
    </message>
    <message>
        <source>loss grew to {loss} at epoch {epoch} batch {batch}; try a lower learning rate</source>
        <translation>mất mát tăng lên {loss} ở epoch {epoch}, batch {batch}; hãy thử tốc độ học thấp hơn</translation>
    </message>
    <message>
        <source>loss {loss} at epoch {epoch}, batch {batch}: off the chart</source>
        <translation>mất mát {loss} ở epoch {epoch}, batch {batch}: vượt ra ngoài đồ thị</translation>
    </message>
    <message>
        <source>loss {loss}: off the chart</source>
        <translation>mất mát {loss}: vượt ra ngoài đồ thị</translation>
    </message>
    <message>
        <source>lr</source>
        <extracomment>Settings a change names by a short word (&quot;lr 0.0005&quot;, &quot;batch 64&quot;), as run titles do; the window says each as its translation does: Vietnamese writes the learning rate out (&quot;tốc độ học 0,0005&quot;, as its run titles do), as the glossary has it</extracomment>
        <translation>tốc độ học</translation>
    </message>
    <message>
        <source>lr={lr:g}</source>
        <translation>tốc&#xa0;độ&#xa0;học&#xa0;{lr:g}</translation>
    </message>
    <message>
        <source>mean of nearby batches</source>
        <translation>trung bình các batch lân cận</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>sai số bình phương trung bình</translation>
    </message>
    <message>
        <source>metric {key!r:.40} is {value!r:.40}, not a number</source>
        <translation>chỉ số {key!r:.40} là {value!r:.40}, không phải là số</translation>
    </message>
    <message>
        <source>missing array {name!r}</source>
        <translation>thiếu mảng {name!r}</translation>
    </message>
    <message>
        <source>model (unsaved)</source>
        <translation>mô hình (chưa lưu)</translation>
    </message>
    <message>
        <source>model_file {value} is not a file name inside the run folder</source>
        <translation>model_file {value} không phải tên một tệp trong thư mục của lượt chạy</translation>
    </message>
    <message>
        <source>momentum and Nesterov: the share of the last step kept</source>
        <translation>quán tính (momentum) và Nesterov: phần của bước trước được giữ lại</translation>
    </message>
    <message>
        <source>more than {mb} MB: not an MNIST-style file</source>
        <translation>hơn {mb}&#xa0;MB: không phải tệp kiểu MNIST</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>phải là một số hữu hạn</translation>
    </message>
    <message>
        <source>must be a finite number; got {value!r}</source>
        <translation>phải là một số hữu hạn; nhận {value!r}</translation>
    </message>
    <message>
        <source>must be a number; got {value!r}</source>
        <translation>phải là một số; nhận {value!r}</translation>
    </message>
    <message>
        <source>must be a whole number; got {value!r}</source>
        <translation>phải là một số nguyên; nhận {value!r}</translation>
    </message>
    <message>
        <source>must be between {low:g} and {high:g}</source>
        <translation>phải nằm giữa {low:g} và {high:g}</translation>
    </message>
    <message>
        <source>must be greater than 0</source>
        <translation>phải lớn hơn 0</translation>
    </message>
    <message>
        <source>must be one of {choices}; got {value!r}</source>
        <translation>phải là một trong {choices}; nhận {value!r}</translation>
    </message>
    <message>
        <source>must be set</source>
        <translation>phải được đặt</translation>
    </message>
    <message>
        <source>must be text; got {value!r}</source>
        <translation>phải là chữ; nhận {value!r}</translation>
    </message>
    <message>
        <source>must be true or false; got {value!r}</source>
        <translation>phải là true hoặc false; nhận {value!r}</translation>
    </message>
    <message>
        <source>must be {low:g} or more</source>
        <translation>phải từ {low:g} trở lên</translation>
    </message>
    <message>
        <source>must be {range}; got {value!r}</source>
        <translation>phải {range}; nhận {value!r}</translation>
    </message>
    <message>
        <source>must be {range}; got {value:g}</source>
        <translation>phải {range}; nhận {value:g}</translation>
    </message>
    <message>
        <source>nndesk cannot do this</source>
        <extracomment>the kind of problem in a few words, marked for translation; the window puts it before an English detail that has no translation</extracomment>
        <translation>nndesk không làm được việc này</translation>
    </message>
    <message>
        <source>no mirrors configured</source>
        <translation>chưa đặt nguồn tải nào</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>không có tệp này</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>không có tệp hoặc thư mục này</translation>
    </message>
    <message>
        <source>no validation split</source>
        <translation>không có phần kiểm định</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>nhiễu</translation>
    </message>
    <message>
        <source>normalisation must be an object with a &apos;kind&apos;</source>
        <translation>chuẩn hoá phải là một đối tượng có &apos;kind&apos;</translation>
    </message>
    <message>
        <source>normalisation per_pixel must be true or false, got {v!r}</source>
        <translation>per_pixel của chuẩn hoá phải là true hoặc false, nhưng là {v!r}</translation>
    </message>
    <message>
        <source>normalisation {name} holds {x!r:.40}, not a finite number</source>
        <translation>{name} của chuẩn hoá chứa {x!r:.40}, không phải số hữu hạn</translation>
    </message>
    <message>
        <source>normalisation {name} must be one number, or 784 when per pixel</source>
        <translation>{name} của chuẩn hoá phải là một số, hoặc 784 số khi theo từng điểm ảnh</translation>
    </message>
    <message>
        <source>normalisation {name} must be positive, got {x!r}</source>
        <translation>{name} của chuẩn hoá phải dương, nhưng là {x!r}</translation>
    </message>
    <message>
        <source>not a regular file ({kind})</source>
        <translation>không phải tệp thường ({kind})</translation>
    </message>
    <message>
        <source>not an nndesk model file (header lacks the nndesk marker)</source>
        <translation>không phải tệp mô hình của nndesk (phần đầu tệp thiếu dấu hiệu nndesk)</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>of an unknown kind</source>
        <translation>loại không rõ</translation>
    </message>
    <message>
        <source>off</source>
        <translation>tắt</translation>
    </message>
    <message>
        <source>on</source>
        <translation>bật</translation>
    </message>
    <message>
        <source>optimizer array {name!r} does not fit the model</source>
        <translation>mảng {name!r} của bộ tối ưu không khớp với mô hình</translation>
    </message>
    <message>
        <source>optimizer learning rate {lr!r:.40} is not a number &gt;= 0</source>
        <translation>tốc độ học của bộ tối ưu {lr!r:.40} không phải là số &gt;= 0</translation>
    </message>
    <message>
        <source>optimizer name {name!r:.40} is not a name</source>
        <translation>tên bộ tối ưu {name!r:.40} không phải là một cái tên</translation>
    </message>
    <message>
        <source>optimizer setting {key!r:.40} = {v!r:.40} is not a plain value</source>
        <translation>thiết lập {key!r:.40} = {v!r:.40} của bộ tối ưu không phải là giá trị đơn giản</translation>
    </message>
    <message>
        <source>optimizer state does not fit ({err})</source>
        <translation>trạng thái bộ tối ưu không khớp ({err})</translation>
    </message>
    <message>
        <source>optimizer step count is malformed</source>
        <translation>số bước của bộ tối ưu sai dạng</translation>
    </message>
    <message>
        <source>passes over the training images; a run stopped before its last epoch continues up to this epoch, counted from its start; a finished model continues for this many more</source>
        <translation>số lượt qua các ảnh huấn luyện; một lượt chạy dừng trước epoch cuối được huấn luyện tiếp đến epoch này, đếm từ đầu lượt chạy; một mô hình đã huấn luyện xong được huấn luyện thêm chừng này epoch</translation>
    </message>
    <message>
        <source>pasted image</source>
        <translation>ảnh đã dán</translation>
    </message>
    <message>
        <source>patch</source>
        <translation>mảng che</translation>
    </message>
    <message>
        <source>perfectly calibrated</source>
        <translation>hiệu chỉnh hoàn hảo</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>không có quyền truy cập</translation>
    </message>
    <message>
        <source>pixel {raw} of 255, normalised: {value}</source>
        <translation>điểm ảnh {raw} trên 255, sau chuẩn hoá: {value}</translation>
    </message>
    <message>
        <source>pixels -1 to 1</source>
        <translation>điểm ảnh -1&#xa0;đến&#xa0;1</translation>
    </message>
    <message>
        <source>pixels 0 to 1</source>
        <translation>điểm ảnh 0&#xa0;đến&#xa0;1</translation>
    </message>
    <message>
        <source>pixels 0 to 255</source>
        <translation>điểm ảnh 0&#xa0;đến&#xa0;255</translation>
    </message>
    <message>
        <source>pixels standardised</source>
        <translation>điểm ảnh chuẩn hoá</translation>
    </message>
    <message>
        <source>random state saved for layer {key}, which draws no random numbers</source>
        <translation>có trạng thái ngẫu nhiên lưu cho tầng {key}, nhưng tầng này không dùng số ngẫu nhiên</translation>
    </message>
    <message>
        <source>raw (ECE {ece})</source>
        <translation>gốc (ECE {ece})</translation>
    </message>
    <message>
        <source>raw pixels 0-255</source>
        <translation>điểm ảnh thô 0-255</translation>
    </message>
    <message>
        <source>refused: the file contains pickled objects</source>
        <translation>bị từ chối: tệp chứa đối tượng pickle</translation>
    </message>
    <message>
        <source>rotation</source>
        <translation>xoay</translation>
    </message>
    <message>
        <source>run {name} not found in {folder}</source>
        <translation>không tìm thấy lượt chạy {name} trong {folder}</translation>
    </message>
    <message>
        <source>run {when}</source>
        <translation>lượt chạy {when}</translation>
    </message>
    <message>
        <source>same seed + same settings = the same run, batch for batch, on as many threads: Threads 0 gives a wide network more threads on a quiet machine, which sum in another order and end elsewhere, so set Threads (1) to repeat a run exactly</source>
        <translation>cùng hạt giống (seed) + cùng cài đặt = cùng một lượt chạy, từng batch một, với cùng số luồng: Số luồng 0 cho một mạng rộng nhiều luồng hơn khi máy rảnh, các luồng cộng theo thứ tự khác và kết quả cuối khác đi, nên hãy đặt Số luồng (1) để lặp lại đúng một lượt chạy</translation>
    </message>
    <message>
        <source>schedule: {rate}</source>
        <translation>lịch: {rate}</translation>
    </message>
    <message>
        <source>schedule: {rate}, lower each epoch</source>
        <translation>lịch: {rate}, giảm dần mỗi epoch</translation>
    </message>
    <message>
        <source>server name not found</source>
        <translation>không tìm thấy tên máy chủ</translation>
    </message>
    <message>
        <source>share (axis from {low}, not 0)</source>
        <translation>tỉ lệ (trục từ {low}, không từ 0)</translation>
    </message>
    <message>
        <source>share of each batch redrawn as garment sketches (silhouettes, outlines, scribbles)</source>
        <translation>tỉ lệ ảnh trong mỗi batch được vẽ lại thành hình vẽ phác quần áo (bóng, đường viền, nét nguệch ngoạc)</translation>
    </message>
    <message>
        <source>share of hidden units switched off at random while training</source>
        <translation>tỉ lệ nút ẩn bị tắt ngẫu nhiên khi huấn luyện</translation>
    </message>
    <message>
        <source>share of the training images held out to measure validation loss and accuracy each epoch</source>
        <translation>tỉ lệ ảnh huấn luyện giữ riêng để đo mất mát và độ chính xác kiểm định mỗi epoch</translation>
    </message>
    <message>
        <source>share of the true class</source>
        <translation>tỉ lệ trong lớp đúng</translation>
    </message>
    <message>
        <source>share right</source>
        <translation>tỉ lệ đúng</translation>
    </message>
    <message>
        <source>shift</source>
        <translation>dịch</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>softmax (one class)</source>
        <translation>softmax (một nhãn)</translation>
    </message>
    <message>
        <source>standardised (mean 0, sd 1)</source>
        <translation>chuẩn hoá (trung bình 0, độ lệch chuẩn 1)</translation>
    </message>
    <message>
        <source>std</source>
        <translation>độ lệch chuẩn</translation>
    </message>
    <message>
        <source>step decay</source>
        <translation>giảm theo bậc</translation>
    </message>
    <message>
        <source>step size of each update</source>
        <translation>độ lớn bước của mỗi lần cập nhật</translation>
    </message>
    <message>
        <source>step: decay every N epochs; exp: constant for N epochs first</source>
        <translation>step: giảm sau mỗi N epoch; exp: giữ nguyên trong N epoch đầu</translation>
    </message>
    <message>
        <source>step: multiply the rate by this at every step</source>
        <translation>step: nhân tốc độ học với số này ở mỗi bậc</translation>
    </message>
    <message>
        <source>stopped by request after epoch {done}</source>
        <translation>đã dừng theo yêu cầu sau epoch {done}</translation>
    </message>
    <message>
        <source>stopped by request after epoch {done} and {batches} of epoch {epoch}</source>
        <translation>đã dừng theo yêu cầu sau epoch {done} và {batches} của epoch {epoch}</translation>
    </message>
    <message>
        <source>stopped by request after {batches} of epoch 1</source>
        <translation>đã dừng theo yêu cầu sau {batches} của epoch 1</translation>
    </message>
    <message>
        <source>stopped by request before the first batch</source>
        <translation>đã dừng theo yêu cầu trước batch đầu tiên</translation>
    </message>
    <message>
        <source>test</source>
        <translation>kiểm tra</translation>
    </message>
    <message>
        <source>the Fashion CNN lab&apos;s net on MNIST: 784-c32v-p-c64v-p-128-10, Adam, dropout, cosine decay, augmented</source>
        <translation>mạng của bài lab CNN Fashion trên MNIST: 784-c32v-p-c64v-p-128-10, Adam, dropout, giảm cosine, có tăng cường dữ liệu</translation>
    </message>
    <message>
        <source>the architecture ends with {outputs} outputs but {dataset} has {classes} classes; make its last layer {classes}, e.g. {fixed}</source>
        <translation>kiến trúc kết thúc bằng {outputs}&#xa0;đầu ra nhưng {dataset} có {classes}&#xa0;lớp; hãy đặt tầng cuối là {classes}, ví dụ {fixed}</translation>
    </message>
    <message>
        <source>the archive holds {n:,} members, too many for a model</source>
        <translation>tệp nén chứa {n:,} thành phần, quá nhiều cho một mô hình</translation>
    </message>
    <message>
        <source>the change of {name}: {reason}</source>
        <translation>thay đổi {name}: {reason}</translation>
    </message>
    <message>
        <source>the compressed data cannot be unpacked</source>
        <translation>không giải nén được dữ liệu</translation>
    </message>
    <message>
        <source>the compressed data is invalid</source>
        <translation>dữ liệu nén không hợp lệ</translation>
    </message>
    <message>
        <source>the data does not match its CRC checksum</source>
        <translation>dữ liệu không khớp với mã kiểm tra CRC của nó</translation>
    </message>
    <message>
        <source>the data does not match its recorded length</source>
        <translation>dữ liệu không khớp với độ dài đã ghi</translation>
    </message>
    <message>
        <source>the dataset website</source>
        <translation>trang web của tập dữ liệu</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>ổ đĩa đã đầy</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>ổ đĩa chỉ cho phép đọc</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>đã hết hạn mức dung lượng đĩa</translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation>tệp bị hỏng</translation>
    </message>
    <message>
        <source>the file is truncated</source>
        <translation>tệp bị cắt cụt</translation>
    </message>
    <message>
        <source>the gzip header is damaged</source>
        <translation>phần đầu gzip bị hỏng</translation>
    </message>
    <message>
        <source>the gzip stream ends early</source>
        <translation>luồng gzip kết thúc sớm</translation>
    </message>
    <message>
        <source>the header is damaged</source>
        <translation>phần đầu tệp bị hỏng</translation>
    </message>
    <message>
        <source>the hidden layers&apos; activation</source>
        <translation>hàm kích hoạt của các tầng ẩn</translation>
    </message>
    <message>
        <source>the last layer must be the number of classes, e.g. ...-10</source>
        <translation>tầng cuối phải là số lớp, ví dụ ...-10</translation>
    </message>
    <message>
        <source>the model claims {n:,} layers; at most {limit} load</source>
        <translation>mô hình khai có {n:,}&#xa0;tầng; chỉ mở được tối đa {limit}</translation>
    </message>
    <message>
        <source>the model claims {n:,} parameters; at most {limit:,} load</source>
        <translation>mô hình khai có {n:,}&#xa0;tham số; chỉ mở được tối đa {limit:,}</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>tên quá dài</translation>
    </message>
    <message>
        <source>the net was built without dropout: start a run with dropout above 0 to tune it</source>
        <translation>mạng được dựng không có dropout: bắt đầu một lượt chạy với dropout trên 0 để chỉnh nó</translation>
    </message>
    <message>
        <source>the output layer&apos;s activation: softmax picks one class, sigmoid scores each class on its own</source>
        <translation>hàm kích hoạt của tầng đầu ra: softmax chọn một nhãn, sigmoid chấm điểm riêng từng nhãn</translation>
    </message>
    <message>
        <source>the quote {char} is not part of an architecture; write it like 784-64-10</source>
        <translation>dấu nháy {char} không thuộc về kiến trúc; hãy viết như 784-64-10</translation>
    </message>
    <message>
        <source>the schedule is given back, not {value}</source>
        <translation>lịch tốc độ học được trả lại, không phải {value}</translation>
    </message>
    <message>
        <source>the setting changes are {value}, not a list</source>
        <translation>các thay đổi cài đặt là {value}, không phải một danh sách</translation>
    </message>
    <message>
        <source>the update rule</source>
        <translation>quy tắc cập nhật</translation>
    </message>
    <message>
        <source>the {count} other epochs not shown: no room for their rows</source>
        <translation>không hiện {count}&#xa0;epoch khác: không đủ chỗ cho các hàng</translation>
    </message>
    <message>
        <source>thickness</source>
        <translation>độ dày nét</translation>
    </message>
    <message>
        <source>this form shows {low:,.15g} to {high:,.15g}, not {value:,.15g}</source>
        <translation>ô này chỉ hiện được từ {low:,.15g} đến {high:,.15g}, không hiện được {value:,.15g}</translation>
    </message>
    <message>
        <source>this model was trained on an image folder (classes {names}): choose that folder as the image folder on the Train page to evaluate it on the images it did not train on</source>
        <translation>mô hình này được huấn luyện trên một thư mục ảnh (các lớp {names}): hãy chọn thư mục đó làm thư mục ảnh ở trang Huấn luyện để đánh giá nó trên các ảnh nó không được huấn luyện</translation>
    </message>
    <message>
        <source>this model&apos;s file (saved by an older nndesk) does not record which images it trained on: if {folder} changed since, some of these may be training images</source>
        <translation>tệp của mô hình này (do một bản nndesk cũ hơn lưu) không ghi nó đã huấn luyện trên những ảnh nào: nếu {folder} đã thay đổi từ đó, vài ảnh ở đây có thể là ảnh huấn luyện</translation>
    </message>
    <message>
        <source>threads training uses: an MLP&apos;s BLAS threads, or the parts each CNN batch is split into; 0 = automatic (one for small networks)</source>
        <translation>Số luồng khi huấn luyện: luồng BLAS của MLP, hoặc số phần mà mỗi batch của CNN được chia ra; 0 = tự động (một luồng cho mạng nhỏ)</translation>
    </message>
    <message>
        <source>threshold (calibrated)</source>
        <translation>ngưỡng (đã hiệu chỉnh)</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>hết thời gian chờ</translation>
    </message>
    <message>
        <source>train</source>
        <translation>huấn luyện</translation>
    </message>
    <message>
        <source>train on slightly shifted, rotated and scaled copies of the images</source>
        <translation>huấn luyện trên các bản sao hơi dịch, xoay và co giãn của ảnh</translation>
    </message>
    <message>
        <source>transfer cut short ({done} of {total} bytes)</source>
        <translation>truyền tải bị cắt ngang ({done} trên {total}&#xa0;byte)</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>type a number from {low:,.15g} to {high:,.15g}</source>
        <translation>hãy gõ một số từ {low:,.15g} đến {high:,.15g}</translation>
    </message>
    <message>
        <source>type a whole number from {low:,.15g} to {high:,.15g}</source>
        <translation>hãy gõ một số nguyên từ {low:,.15g} đến {high:,.15g}</translation>
    </message>
    <message>
        <source>unexpected archive member {name!r}</source>
        <translation>thành phần lạ trong tệp nén {name!r}</translation>
    </message>
    <message>
        <source>unexpected array {name!r}</source>
        <translation>mảng lạ {name!r}</translation>
    </message>
    <message>
        <source>unknown loss {loss!r}; choose {choices}</source>
        <translation>hàm mất mát {loss!r} không có; hãy chọn {choices}</translation>
    </message>
    <message>
        <source>unknown output {output!r:.40}; expected one of {choices}</source>
        <translation>đầu ra {output!r:.40} không có; cần một trong {choices}</translation>
    </message>
    <message>
        <source>unsupported model format version {version} written by a newer nndesk; this nndesk reads versions {readable}</source>
        <translation>phiên bản định dạng mô hình {version} do một nndesk mới hơn ghi, chưa được hỗ trợ; nndesk này đọc các phiên bản {readable}</translation>
    </message>
    <message>
        <source>unsupported model format version {version}; this nndesk reads versions {readable}</source>
        <translation>phiên bản định dạng mô hình {version} chưa được hỗ trợ; nndesk này đọc các phiên bản {readable}</translation>
    </message>
    <message>
        <source>use a smaller set (EMNIST: the balanced or digits split)</source>
        <translation>hãy dùng một tập nhỏ hơn (EMNIST: phần balanced hoặc digits)</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>kiểm định</translation>
    </message>
    <message>
        <source>weight (each layer on its own scale)</source>
        <translation>trọng số (mỗi tầng một thang riêng)</translation>
    </message>
    <message>
        <source>weight penalty l2 * sum(W^2) (Keras&apos; l2)</source>
        <translation>phạt trọng số l2 * sum(W^2) (l2 của Keras)</translation>
    </message>
    <message>
        <source>{char} ({name}) is not the &apos;-&apos; that separates layers; type the minus key, e.g. 784-64-10</source>
        <translation>{char} ({name}) không phải dấu &apos;-&apos; ngăn cách các tầng; hãy gõ phím dấu trừ, ví dụ 784-64-10</translation>
    </message>
    <message>
        <source>{count:,} setting changes is more than {limit:,}</source>
        <translation>{count:,} thay đổi cài đặt là nhiều hơn {limit:,}</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>không đọc được {file}: {reason}</translation>
    </message>
    <message>
        <source>{file} has no summary of its curves</source>
        <translation>{file} không có phần tóm tắt các đường cong</translation>
    </message>
    <message>
        <source>{file} holds a number {count:,} digits long; nndesk writes at most {limit}</source>
        <translation>{file} chứa một số dài {count:,}&#xa0;chữ số; nndesk ghi tối đa {limit}</translation>
    </message>
    <message>
        <source>{file} holds a text over {limit:,} bytes long; nndesk writes far shorter ones</source>
        <translation>{file} chứa một đoạn văn bản dài hơn {limit:,}&#xa0;byte; nndesk ghi những đoạn ngắn hơn nhiều</translation>
    </message>
    <message>
        <source>{file} holds over {limit:,} values; a record nndesk writes holds far fewer</source>
        <translation>{file} chứa hơn {limit:,} giá trị; bản ghi nndesk ghi chứa ít hơn nhiều</translation>
    </message>
    <message>
        <source>{file} holds over {megabytes} MB of text; a record nndesk writes holds far less</source>
        <translation>{file} chứa hơn {megabytes}&#xa0;MB văn bản; bản ghi nndesk ghi chứa ít hơn nhiều</translation>
    </message>
    <message>
        <source>{file} holds {kind}, not a run record</source>
        <translation>{file} chứa {kind}, không phải một bản ghi lượt chạy</translation>
    </message>
    <message>
        <source>{file} is larger than {megabytes} MB</source>
        <translation>{file} lớn hơn {megabytes}&#xa0;MB</translation>
    </message>
    <message>
        <source>{file} is missing</source>
        <translation>thiếu {file}</translation>
    </message>
    <message>
        <source>{file} is nested too deeply</source>
        <translation>{file} lồng nhau quá sâu</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text</source>
        <translation>{file} không phải văn bản UTF-8</translation>
    </message>
    <message>
        <source>{file} is not valid JSON ({detail})</source>
        <translation>{file} không phải JSON hợp lệ ({detail})</translation>
    </message>
    <message>
        <source>{file}: IDX header declares dimensions {dims}, too large to read</source>
        <translation>{file}: phần đầu IDX ghi kích thước {dims}, quá lớn để đọc</translation>
    </message>
    <message>
        <source>{file}: IDX header declares zero dimensions</source>
        <translation>{file}: phần đầu IDX ghi không có chiều nào</translation>
    </message>
    <message>
        <source>{file}: IDX header declares {ndim} dimensions; image and label files have at most {most}</source>
        <translation>{file}: phần đầu IDX ghi {ndim} chiều; tệp ảnh và tệp nhãn có nhiều nhất {most} chiều</translation>
    </message>
    <message>
        <source>{file}: cached file was damaged (expected sha256 {expected}, got {got}) and has been removed; run again to download it</source>
        <translation>{file}: tệp trong bộ nhớ đệm đã bị hỏng (sha256 đúng là {expected}, tệp có {got}) và đã bị xoá; hãy chạy lại để tải về</translation>
    </message>
    <message>
        <source>{file}: cannot read ({reason})</source>
        <translation>{file}: không đọc được ({reason})</translation>
    </message>
    <message>
        <source>{file}: cannot read ({reason}); the file is corrupt or truncated</source>
        <translation>{file}: không đọc được ({reason}); tệp bị hỏng hoặc bị cắt cụt</translation>
    </message>
    <message>
        <source>{file}: cannot read image ({reason})</source>
        <translation>{file}: không đọc được ảnh ({reason})</translation>
    </message>
    <message>
        <source>{file}: damaged model file ({detail})</source>
        <translation>{file}: tệp mô hình bị hỏng ({detail})</translation>
    </message>
    <message>
        <source>{file}: download failed ({tried}). Get it by hand from {where}, put it in a folder and pass --data-dir FOLDER (or set NNDESK_DATA_DIR)</source>
        <translation>{file}: tải xuống thất bại ({tried}). Hãy tự tải tệp từ {where}, đặt vào một thư mục rồi chọn thư mục đó ở Tệp &gt; Thư mục dữ liệu (hoặc dùng --data-dir THƯ_MỤC, hay đặt NNDESK_DATA_DIR)</translation>
    </message>
    <message>
        <source>{file}: expected a 1-D label file, found shape {shape}</source>
        <translation>{file}: cần một tệp nhãn một chiều, nhưng tệp có hình dạng {shape}</translation>
    </message>
    <message>
        <source>{file}: expected images of 28x28 pixels, found shape {shape}</source>
        <translation>{file}: cần ảnh 28×28&#xa0;điểm ảnh, nhưng tệp có hình dạng {shape}</translation>
    </message>
    <message>
        <source>{file}: file ends inside the IDX header</source>
        <translation>{file}: tệp kết thúc giữa phần đầu IDX</translation>
    </message>
    <message>
        <source>{file}: file not found</source>
        <translation>{file}: không tìm thấy tệp</translation>
    </message>
    <message>
        <source>{file}: header says {dims} values ({size}) but the file holds more</source>
        <translation>{file}: phần đầu ghi {dims} giá trị ({size}) nhưng tệp chứa nhiều hơn; tệp bị hỏng</translation>
    </message>
    <message>
        <source>{file}: header says {dims} values ({size}) but the file holds {held}</source>
        <translation>{file}: phần đầu ghi {dims} giá trị ({size}) nhưng tệp chứa {held}; tệp bị cắt cụt hoặc bị hỏng</translation>
    </message>
    <message>
        <source>{file}: header says {dims} values ({size}), more than the {most} nndesk reads from one IDX file (training keeps every value as a float); {advice}</source>
        <translation>{file}: phần đầu ghi {dims} giá trị ({size}), nhiều hơn mức {most} nndesk đọc từ một tệp IDX (khi huấn luyện mỗi giá trị được giữ dưới dạng số thực); {advice}</translation>
    </message>
    <message>
        <source>{file}: image values include NaN or infinity</source>
        <translation>{file}: giá trị ảnh có NaN hoặc vô cực</translation>
    </message>
    <message>
        <source>{file}: image values outside 0..255</source>
        <translation>{file}: giá trị ảnh nằm ngoài khoảng 0..255</translation>
    </message>
    <message>
        <source>{file}: label {label} but {dataset} has only {n} classes</source>
        <translation>{file}: có nhãn {label} nhưng {dataset} chỉ có {n}&#xa0;lớp</translation>
    </message>
    <message>
        <source>{file}: labels are not whole numbers</source>
        <translation>{file}: nhãn không phải số nguyên</translation>
    </message>
    <message>
        <source>{file}: negative label {label}</source>
        <translation>{file}: nhãn âm {label}</translation>
    </message>
    <message>
        <source>{file}: no such model file</source>
        <translation>{file}: không có tệp mô hình này</translation>
    </message>
    <message>
        <source>{file}: not an IDX file (bad magic number {magic})</source>
        <translation>{file}: không phải tệp IDX (số nhận dạng sai: {magic})</translation>
    </message>
    <message>
        <source>{file}: not an IDX file (it holds only {n} bytes)</source>
        <translation>{file}: không phải tệp IDX (tệp chỉ có {n}&#xa0;byte)</translation>
    </message>
    <message>
        <source>{file}: not an image nndesk can read (PNG, JPEG, BMP, GIF, TIFF or WebP)</source>
        <translation>{file}: không phải ảnh nndesk đọc được (PNG, JPEG, BMP, GIF, TIFF hay WebP)</translation>
    </message>
    <message>
        <source>{file}: not an nndesk model file (it is some other kind of file)</source>
        <translation>{file}: không phải tệp mô hình của nndesk (đây là một loại tệp khác)</translation>
    </message>
    <message>
        <source>{file}: not an nndesk model file (no header)</source>
        <translation>{file}: không phải tệp mô hình của nndesk (thiếu phần đầu)</translation>
    </message>
    <message>
        <source>{file}: the file is empty</source>
        <translation>{file}: tệp trống</translation>
    </message>
    <message>
        <source>{file}: the file is incomplete or damaged (cut short while it was copied or downloaded?), so the model cannot be read</source>
        <translation>{file}: tệp không đầy đủ hoặc bị hỏng (bị cắt ngắn khi sao chép hoặc tải về?), nên không đọc được mô hình</translation>
    </message>
    <message>
        <source>{file}: the image is blank, nothing to classify</source>
        <translation>{file}: ảnh trống, không có gì để phân loại</translation>
    </message>
    <message>
        <source>{file}: the image is too large to open ({megapixels:,.0f} megapixels); nndesk opens images of up to {limit} megapixels: scale it down first</source>
        <translation>{file}: ảnh quá lớn để mở ({megapixels:,.0f}&#xa0;megapixel); nndesk mở ảnh tối đa {limit}&#xa0;megapixel: hãy thu nhỏ ảnh trước</translation>
    </message>
    <message>
        <source>{file}: the image is too large to open; nndesk opens images of up to {limit} megapixels: scale it down first</source>
        <translation>{file}: ảnh quá lớn để mở; nndesk mở ảnh tối đa {limit}&#xa0;megapixel: hãy thu nhỏ ảnh trước</translation>
    </message>
    <message>
        <source>{file}: the image is {width}x{height} pixels ({megapixels:.0f} megapixels); nndesk opens images of up to {limit} megapixels: scale it down first</source>
        <translation>{file}: ảnh có {width}x{height}&#xa0;điểm ảnh ({megapixels:.0f}&#xa0;megapixel); nndesk mở ảnh tối đa {limit}&#xa0;megapixel: hãy thu nhỏ ảnh trước</translation>
    </message>
    <message>
        <source>{file}: the image is {width}x{height} pixels; nndesk opens images of up to {limit:,} pixels a side: crop or scale it first</source>
        <translation>{file}: ảnh có {width}x{height}&#xa0;điểm ảnh; nndesk mở ảnh tối đa {limit:,}&#xa0;điểm ảnh mỗi cạnh: hãy cắt hoặc thu nhỏ ảnh trước</translation>
    </message>
    <message>
        <source>{file}: unknown IDX data type code {code}</source>
        <translation>{file}: mã kiểu dữ liệu IDX không rõ {code}</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>Không dùng được tệp mô hình {file}: {problem}</translation>
    </message>
    <message>
        <source>{file}: {why}</source>
        <translation>{file}: {why}</translation>
    </message>
    <message>
        <source>{folder} has changed since this model was trained ({then} images then, {now} now): the held-out share is drawn again, so some of these may be images it trained on</source>
        <translation>{folder} đã thay đổi từ khi mô hình này được huấn luyện (khi đó {then}&#xa0;ảnh, nay {now}): phần ảnh giữ riêng được rút lại, nên vài ảnh ở đây có thể là ảnh nó đã huấn luyện</translation>
    </message>
    <message>
        <source>{folder} holds Fashion-MNIST, not MNIST: download MNIST into nndesk&apos;s cache, or choose a folder with MNIST. Each dataset keeps its own folder; one holding mnist/ and fashion-mnist/ serves both.</source>
        <translation>{folder} chứa Fashion-MNIST, không phải MNIST: hãy tải MNIST vào bộ nhớ đệm của nndesk, hoặc chọn một thư mục có MNIST. Mỗi tập dữ liệu nhớ thư mục riêng của nó; một thư mục chứa mnist/ và fashion-mnist/ dùng được cho cả hai.</translation>
    </message>
    <message>
        <source>{folder} holds MNIST, not Fashion-MNIST: download Fashion-MNIST into nndesk&apos;s cache, or choose a folder with Fashion-MNIST. Each dataset keeps its own folder; one holding mnist/ and fashion-mnist/ serves both.</source>
        <translation>{folder} chứa MNIST, không phải Fashion-MNIST: hãy tải Fashion-MNIST vào bộ nhớ đệm của nndesk, hoặc chọn một thư mục có Fashion-MNIST. Mỗi tập dữ liệu nhớ thư mục riêng của nó; một thư mục chứa mnist/ và fashion-mnist/ dùng được cho cả hai.</translation>
    </message>
    <message>
        <source>{folder} holds the classes {found}, not this model&apos;s {wanted}</source>
        <translation>{folder} chứa các lớp {found}, không phải các lớp {wanted} của mô hình này</translation>
    </message>
    <message>
        <source>{folder} is not a folder</source>
        <translation>{folder} không phải là thư mục</translation>
    </message>
    <message>
        <source>{folder}: all its {dataset} files differ from the published ones; using them as given</source>
        <translation>{folder}: mọi tệp {dataset} ở đây khác với bản đã công bố; vẫn dùng chúng như hiện có</translation>
    </message>
    <message>
        <source>{folder}: no {dataset} IDX files here, only {files}: nndesk reads the four IDX files (train-images-idx3-ubyte and the others), not the CSV form</source>
        <translation>{folder}: ở đây không có tệp IDX nào của {dataset}, chỉ có {files}: nndesk đọc bốn tệp IDX (train-images-idx3-ubyte và các tệp kia), không đọc dạng CSV</translation>
    </message>
    <message>
        <source>{folder}: no {dataset} files here, only {files}: unzip it (the files may be one folder down), then use that folder</source>
        <translation>{folder}: ở đây không có tệp nào của {dataset}, chỉ có {files}: hãy giải nén nó (các tệp có thể nằm sâu thêm một thư mục), rồi dùng thư mục đó</translation>
    </message>
    <message>
        <source>{folder}: skipped {n} class folder(s) with no readable image: {names}</source>
        <translation>{folder}: đã bỏ qua {n} thư mục lớp không có ảnh đọc được: {names}</translation>
    </message>
    <message>
        <source>{folder}: skipped {n} of {total} files (unreadable or blank), e.g. {example}</source>
        <translation>{folder}: đã bỏ qua {n} trên {total}&#xa0;tệp (không đọc được hoặc trống), ví dụ {example}</translation>
    </message>
    <message>
        <source>{folder}: the image folder this model was trained on is not there any more (moved or deleted); choose it again as the image folder on the Train page</source>
        <translation>{folder}: thư mục ảnh đã dùng để huấn luyện mô hình này không còn ở đó (đã bị chuyển hoặc xoá); hãy chọn lại nó làm thư mục ảnh ở trang Huấn luyện</translation>
    </message>
    <message>
        <source>{folder}: too few images to hold any out for testing</source>
        <translation>{folder}: quá ít ảnh để giữ riêng ảnh nào cho kiểm tra</translation>
    </message>
    <message>
        <source>{folder}: {dataset}&apos;s {gz_names} (or unzipped) are missing</source>
        <translation>{folder}: thiếu các tệp {gz_names} của {dataset} (hoặc bản đã giải nén)</translation>
    </message>
    <message>
        <source>{folder}: {dataset}&apos;s {gz_name} (or {name}) is missing</source>
        <translation>{folder}: thiếu tệp {gz_name} (hoặc {name}) của {dataset}</translation>
    </message>
    <message>
        <source>{folder}: {files} differ from the published {dataset} files; using them as given</source>
        <translation>{folder}: {files} khác với các tệp {dataset} đã công bố; vẫn dùng chúng như hiện có</translation>
    </message>
    <message>
        <source>{images_file} holds {images} images but {labels_file} holds {labels} labels</source>
        <translation>{images_file} chứa {images}&#xa0;ảnh nhưng {labels_file} chứa {labels}&#xa0;nhãn</translation>
    </message>
    <message>
        <source>{key} has {count} values for {epochs} epochs</source>
        <translation>{key} có {count} giá trị cho {epochs}&#xa0;epoch</translation>
    </message>
    <message>
        <source>{key} holds {count:,} epochs; nndesk reads at most {limit:,}</source>
        <translation>{key} chứa {count:,}&#xa0;epoch; nndesk đọc tối đa {limit:,}</translation>
    </message>
    <message>
        <source>{key} holds {count:,} values; nndesk reads at most {limit:,}</source>
        <translation>{key} chứa {count:,} giá trị; nndesk đọc tối đa {limit:,}</translation>
    </message>
    <message>
        <source>{key} holds {value}, not [epoch, batch, rate]</source>
        <translation>{key} chứa {value}, không phải [epoch, batch, tốc độ học]</translation>
    </message>
    <message>
        <source>{key} holds {value}, not [place, 1 or -1]</source>
        <translation>{key} chứa {value}, không phải [vị trí, 1 hoặc -1]</translation>
    </message>
    <message>
        <source>{key} holds {value}, not a number</source>
        <translation>{key} chứa {value}, không phải một số</translation>
    </message>
    <message>
        <source>{key} holds {value}, not an [x, lr] pair</source>
        <translation>{key} chứa {value}, không phải một cặp [x, lr]</translation>
    </message>
    <message>
        <source>{key} holds {value}, not an epoch number</source>
        <translation>{key} chứa {value}, không phải số thứ tự của một epoch</translation>
    </message>
    <message>
        <source>{key} is {count:,} characters long; nndesk writes at most {limit:,}</source>
        <translation>{key} dài {count:,}&#xa0;ký tự; nndesk ghi tối đa {limit:,}</translation>
    </message>
    <message>
        <source>{key} is {kind}, not a list</source>
        <translation>{key} là {kind}, không phải một danh sách</translation>
    </message>
    <message>
        <source>{key} is {kind}, not a string</source>
        <translation>{key} là {kind}, không phải một chuỗi</translation>
    </message>
    <message>
        <source>{key} is {kind}, not an object</source>
        <translation>{key} là {kind}, không phải một đối tượng</translation>
    </message>
    <message>
        <source>{key} is {kind}, not true or false</source>
        <translation>{key} là {kind}, không phải đúng/sai</translation>
    </message>
    <message>
        <source>{key} is {value}, not a number</source>
        <translation>{key} là {value}, không phải một số</translation>
    </message>
    <message>
        <source>{key} is {value}, not a preset&apos;s name</source>
        <translation>{key} là {value}, không phải tên một cấu hình mẫu</translation>
    </message>
    <message>
        <source>{key} is {value}, not a short list</source>
        <translation>{key} là {value}, không phải một danh sách ngắn</translation>
    </message>
    <message>
        <source>{key} is {value}, not a short list of places</source>
        <translation>{key} là {value}, không phải một danh sách ngắn các vị trí</translation>
    </message>
    <message>
        <source>{key} is {value}, not a valid setting</source>
        <translation>{key} là {value}, không phải một cài đặt hợp lệ</translation>
    </message>
    <message>
        <source>{key} is {value}, not an epoch</source>
        <translation>{key} là {value}, không phải một epoch</translation>
    </message>
    <message>
        <source>{key} is {value}, not an epoch number</source>
        <translation>{key} là {value}, không phải số thứ tự của một epoch</translation>
    </message>
    <message>
        <source>{key} is {value}, not their number</source>
        <translation>{key} là {value}, không phải số lượng của chúng</translation>
    </message>
    <message>
        <source>{key}: {reason}</source>
        <translation>{key}: {reason}</translation>
    </message>
    <message>
        <source>{lane}: {reason}</source>
        <translation>{lane}: {reason}</translation>
    </message>
    <message>
        <source>{layer} {kind}</source>
        <extracomment>an activation, dropout or batch norm: named after the layer it follows (&quot;Hidden 2 ReLU&quot;)</extracomment>
        <translation>{layer} {kind}</translation>
    </message>
    <message>
        <source>{long_name} (&apos;{loss}&apos;) needs the {needed} output, not {output!r}; or use mse</source>
        <translation>hàm mất mát {long_name} (&apos;{loss}&apos;) cần đầu ra {needed}, không phải {output!r}; hoặc hãy dùng mse</translation>
    </message>
    <message>
        <source>{mb} MB: not an MNIST-style file</source>
        <translation>{mb}&#xa0;MB: không phải tệp kiểu MNIST</translation>
    </message>
    <message>
        <source>{n:,} batch</source>
        <translation>{n:,}&#xa0;batch</translation>
    </message>
    <message>
        <source>{n:,} batches</source>
        <translation>{n:,}&#xa0;batch</translation>
    </message>
    <message>
        <source>{n:,} epoch</source>
        <translation>{n:,}&#xa0;epoch</translation>
    </message>
    <message>
        <source>{n:,} epochs</source>
        <translation>{n:,}&#xa0;epoch</translation>
    </message>
    <message>
        <source>{n:,} image</source>
        <translation>{n:,}&#xa0;ảnh</translation>
    </message>
    <message>
        <source>{n:,} images</source>
        <translation>{n:,}&#xa0;ảnh</translation>
    </message>
    <message>
        <source>{n:,} mistake</source>
        <translation>{n:,}&#xa0;lỗi phân loại</translation>
    </message>
    <message>
        <source>{n:,} mistakes</source>
        <translation>{n:,}&#xa0;lỗi phân loại</translation>
    </message>
    <message>
        <source>{n:,} run</source>
        <translation>{n:,}&#xa0;lượt chạy</translation>
    </message>
    <message>
        <source>{n:,} runs</source>
        <translation>{n:,}&#xa0;lượt chạy</translation>
    </message>
    <message>
        <source>{n:,} test image</source>
        <translation>{n:,}&#xa0;ảnh kiểm tra</translation>
    </message>
    <message>
        <source>{n:,} test images</source>
        <translation>{n:,}&#xa0;ảnh kiểm tra</translation>
    </message>
    <message>
        <source>{name} (race)</source>
        <translation>{name} (cuộc đua)</translation>
    </message>
    <message>
        <source>{name} (unsaved)</source>
        <translation>{name} (chưa lưu)</translation>
    </message>
    <message>
        <source>{name} cannot change while training</source>
        <translation>{name} không đổi được khi đang huấn luyện</translation>
    </message>
    <message>
        <source>{name} holds {v!r:.40}; sizes are whole numbers {low}..{high}</source>
        <translation>{name} chứa {v!r:.40}; kích thước là số nguyên {low}..{high}</translation>
    </message>
    <message>
        <source>{name} is a link, not a run folder</source>
        <translation>{name} là một liên kết, không phải thư mục của một lượt chạy</translation>
    </message>
    <message>
        <source>{name} is not a folder inside {folder}</source>
        <translation>{name} không phải một thư mục trong {folder}</translation>
    </message>
    <message>
        <source>{name} is not a setting that can change while training</source>
        <translation>{name} không phải một cài đặt có thể đổi trong khi huấn luyện</translation>
    </message>
    <message>
        <source>{name} must be a list of 1 to 4 sizes, got {value!r:.60}</source>
        <translation>{name} phải là danh sách 1 đến 4 kích thước, nhưng là {value!r:.60}</translation>
    </message>
    <message>
        <source>{optimizer} has no momentum to change (Momentum and Nesterov have one)</source>
        <translation>{optimizer} không có quán tính (momentum) để đổi (Momentum và Nesterov có)</translation>
    </message>
    <message>
        <source>{optimizer} has no momentum to change (its steps adapt by themselves)</source>
        <translation>{optimizer} không có quán tính (momentum) để đổi (bước cập nhật của nó tự thích nghi)</translation>
    </message>
    <message>
        <source>{part!r} holds a space; layers are separated by &apos;-&apos;, e.g. 784-64-10</source>
        <translation>{part!r} có dấu cách; các tầng được ngăn cách bằng &apos;-&apos;, ví dụ 784-64-10</translation>
    </message>
    <message>
        <source>{path} is in the shipped models&apos; folder, where nndesk never replaces or adds a model; nothing was written. Save the model in another folder</source>
        <translation>{path} nằm trong thư mục của các mô hình có sẵn, nơi nndesk không bao giờ thay thế hay thêm mô hình; chưa ghi gì cả. Hãy lưu mô hình vào thư mục khác</translation>
    </message>
    <message>
        <source>{path}: that file exists and is not an nndesk model; it was left as it is. Save the model under another name</source>
        <translation>{path}: tệp này đã có và không phải là mô hình nndesk; tệp được giữ nguyên. Hãy lưu mô hình với tên khác</translation>
    </message>
    <message>
        <source>{problem}; using {model} instead.</source>
        <translation>{problem}; đang dùng {model} thay thế.</translation>
    </message>
    <message>
        <source>{run} is still training: stop it first</source>
        <translation>{run} vẫn đang huấn luyện: hãy dừng nó trước</translation>
    </message>
    <message>
        <source>{sources}: {reason}</source>
        <translation>{sources}: {reason}</translation>
    </message>
    <message>
        <source>{text!r} is not a number (e.g. 0.001 or 1e-3)</source>
        <translation>{text!r} không phải là số (ví dụ 0,001 hoặc 1e-3)</translation>
    </message>
    <message>
        <source>{text!r} is not a number from {low:,.15g} to {high:,.15g}</source>
        <translation>{text!r} không phải là một số từ {low:,.15g} đến {high:,.15g}</translation>
    </message>
    <message>
        <source>{text!r} is not a size: type {low:,} to {high:,}, or choose {special!r} with the down arrow</source>
        <translation>{text!r} không phải là một kích thước: hãy gõ từ {low:,} đến {high:,}, hoặc chọn {special!r} bằng mũi tên xuống</translation>
    </message>
    <message>
        <source>{text!r} is not a whole number from {low:,.15g} to {high:,.15g}</source>
        <translation>{text!r} không phải là một số nguyên từ {low:,.15g} đến {high:,.15g}</translation>
    </message>
    <message>
        <source>{thousands:.0f}k</source>
        <translation>{thousands:.0f}k</translation>
    </message>
    <message>
        <source>{thousands:.1f}k</source>
        <translation>{thousands:.1f}k</translation>
    </message>
    <message>
        <source>{where} is not an object</source>
        <translation>{where} không phải là một đối tượng</translation>
    </message>
    <message>
        <source>{where}: config lacks {err}</source>
        <translation>{where}: cấu hình thiếu {err}</translation>
    </message>
    <message>
        <source>{where}: malformed config ({err})</source>
        <translation>{where}: cấu hình sai dạng ({err})</translation>
    </message>
    <message>
        <source>{where}: unknown layer type {kind!r:.40}</source>
        <translation>{where}: loại tầng {kind!r:.40} không có</translation>
    </message>
    <message>
        <source>{where}: {key} = {v!r:.40} is not a sane value</source>
        <translation>{where}: {key} = {v!r:.40} không phải là giá trị hợp lý</translation>
    </message>
    <message>
        <source>{where}: {key} = {v:,} is over the limit of {limit:,}</source>
        <translation>{where}: {key} = {v:,} vượt giới hạn {limit:,}</translation>
    </message>
    <message>
        <source>≥ {threshold}: {answered} answered,
{mistakes} confident mistakes</source>
        <translation>≥ {threshold}: trả lời {answered},
{mistakes}&#xa0;lỗi phân loại tự tin</translation>
    </message>
</context>
<context>
    <name>AugmentPreview</name>
    <message>
        <source>Eight of the dataset&apos;s training images appear here, once it is on this computer.</source>
        <translation>Tám ảnh huấn luyện của bộ dữ liệu hiện ở đây, khi bộ dữ liệu đã có trên máy này.</translation>
    </message>
</context>
<context>
    <name>ChartImage</name>
    <message>
        <source>Drawing the chart…</source>
        <translation>Đang vẽ biểu đồ…</translation>
    </message>
</context>
<context>
    <name>Classes</name>
    <message>
        <source>Ankle boot</source>
        <translation>Bốt cổ ngắn</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>Túi xách</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>Áo khoác</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>Váy</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>Áo len chui đầu</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>Xăng-đan</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>Áo sơ mi</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>Giày thể thao</translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation>Áo thun/áo phông</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>Quần dài</translation>
    </message>
</context>
<context>
    <name>Coach</name>
    <message>
        <source>A smaller learning rate may bring it back; training again from the start is surer. The training loss has stood at {loss} for {epochs} epochs, at {accuracy:.1%}: the loss of a network that answers every image alike (ln {n} = {chance}); steps too large for it threw it there.</source>
        <translation>Tốc độ học nhỏ hơn có thể giúp nó hồi phục; huấn luyện lại từ đầu thì chắc hơn. Mất mát huấn luyện đứng ở {loss} suốt {epochs}&#xa0;epoch, ở {accuracy:.1%}: mất mát của một mạng trả lời mọi ảnh như nhau (ln {n} = {chance}); bước quá lớn đã đẩy nó tới đó.</translation>
    </message>
    <message>
        <source>Batches of {size} take {per:,} steps an epoch: batch {batch:,} is more than the {n:,} training images, so an epoch is one full-batch step and this run takes {steps} in all, too few to learn much.</source>
        <translation>Với batch {size}, mỗi epoch có {per:,}&#xa0;bước: kích thước batch {batch:,} lớn hơn {n:,}&#xa0;ảnh huấn luyện, nên mỗi epoch chỉ là một bước trên cả tập (full batch), cả lượt chạy này chỉ có {steps}&#xa0;bước, quá ít để học được nhiều.</translation>
    </message>
    <message>
        <source>Batches of {size} take {per:,} steps an epoch: batches of {batch:,} images make this run only {steps} optimizer steps in all, too few to learn much.</source>
        <translation>Với batch {size}, mỗi epoch có {per:,}&#xa0;bước: với batch {batch:,}&#xa0;ảnh, cả lượt chạy này chỉ có {steps}&#xa0;bước của bộ tối ưu, quá ít để học được nhiều.</translation>
    </message>
    <message>
        <source>Check the input normalisation and the learning rate: training accuracy is {accuracy:.1%} after {steps} batches, near the 10% of guessing and not climbing.</source>
        <translation>Hãy kiểm tra chuẩn hoá đầu vào và tốc độ học: độ chính xác huấn luyện là {accuracy:.1%} sau {steps}&#xa0;batch, gần mức 10% của đoán mò và không tăng lên.</translation>
    </message>
    <message>
        <source>Dead ReLUs: a lower learning rate or leaky ReLU keeps them alive. {share:.0%} of the units after {name} never fired on the last sampled batch.</source>
        <translation>ReLU chết: tốc độ học thấp hơn hoặc Leaky ReLU giữ chúng hoạt động. {share:.0%} số nút sau {name} không kích hoạt lần nào trên batch được lấy mẫu gần nhất.</translation>
    </message>
    <message>
        <source>Full batch: train for hundreds of epochs (the mnist-gd preset trains 500), or use batches of {size}: {per:,} steps an epoch. Each optimizer step takes all {n:,} training images, so an epoch is one step and this run takes {steps} in all, too few to learn much.</source>
        <translation>Cả tập (full batch): hãy huấn luyện hàng trăm epoch (cấu hình mẫu mnist-gd chạy 500), hoặc dùng batch {size}: mỗi epoch {per:,}&#xa0;bước. Mỗi bước của bộ tối ưu dùng cả {n:,}&#xa0;ảnh huấn luyện, nên mỗi epoch là một bước và cả lượt chạy này chỉ có {steps}&#xa0;bước, quá ít để học được nhiều.</translation>
    </message>
    <message>
        <source>Give it a few hundred batches before changing the learning rate: the loss climbed from {before} to {recent} over the last {n} batches, right after {change}; the batches became harder to fit, not the learning rate too high.</source>
        <translation>Hãy chờ vài trăm batch trước khi đổi tốc độ học: mất mát tăng từ {before} lên {recent} trong {n}&#xa0;batch gần nhất, ngay sau khi đổi {change}; các batch khó khớp hơn, không phải tốc độ học quá cao.</translation>
    </message>
    <message>
        <source>Give the learning rate back to its schedule</source>
        <translation>Trả tốc độ học về cho lịch của nó</translation>
    </message>
    <message>
        <source>Lower the learning rate to {lr:g}</source>
        <translation>Giảm tốc độ học xuống {lr:g}</translation>
    </message>
    <message>
        <source>Overfitting: more L2, dropout or augmentation helps. Validation loss rose from {v0} at epoch {e0} to {v2} at epoch {e2} while training loss fell from {t0} to {t2}.</source>
        <translation>Quá khớp: thêm L2, dropout hoặc tăng cường dữ liệu sẽ giúp ích. Mất mát kiểm định tăng từ {v0} ở epoch {e0} lên {v2} ở epoch {e2} trong khi mất mát huấn luyện giảm từ {t0} xuống {t2}.</translation>
    </message>
    <message>
        <source>Overfitting: more L2, dropout or augmentation, or fewer epochs, narrow the gap. Training accuracy {train:.1%} against {val:.1%} on the validation split at epoch {epoch}, {points:.1f} points apart for {n} epochs: the network fits its training images much better than new ones.</source>
        <translation>Quá khớp: thêm L2, dropout hoặc tăng cường dữ liệu, hoặc ít epoch hơn, sẽ thu hẹp khoảng cách. Độ chính xác huấn luyện {train:.1%} so với {val:.1%} trên phần kiểm định ở epoch {epoch}, cách nhau {points:.1f}&#xa0;điểm suốt {n}&#xa0;epoch: mạng khớp với ảnh huấn luyện của nó tốt hơn nhiều so với ảnh mới.</translation>
    </message>
    <message>
        <source>Raise the learning rate to {lr:g}</source>
        <translation>Tăng tốc độ học lên {lr:g}</translation>
    </message>
    <message>
        <source>Scale the pixels (Inputs: [0, 1]) and race it again: after the race, {share:.0%} of the units after {name} fired on none of a batch of its training images (dead ReLUs). The pixels go in raw, 0 to 255: a ReLU unit&apos;s input is then in the hundreds, and so is its output, and steps on such large values switch units off for good.</source>
        <translation>Hãy chia tỉ lệ điểm ảnh (Đầu vào: [0;&#xa0;1]) rồi đua lại: sau cuộc đua, {share:.0%} số nơ-ron sau {name} không kích hoạt trên ảnh nào của một batch ảnh huấn luyện của làn này (ReLU chết). Điểm ảnh được đưa vào thô, từ 0 đến 255: đầu vào của một nơ-ron ReLU khi đó lên tới hàng trăm, đầu ra của nó cũng vậy, và những bước trên các giá trị lớn như thế tắt hẳn các nơ-ron.</translation>
    </message>
    <message>
        <source>Scale the pixels (Inputs: [0, 1]) and train again: they go in raw, 0 to 255, so a ReLU unit&apos;s input is in the hundreds, and so is its output. ReLU does not saturate, but at learning rate {lr:g} the first steps on such large values switch most units off for good (dead ReLUs: they fire on no image), and the network makes more mistakes than the same one fed scaled pixels.</source>
        <translation>Hãy chia tỉ lệ điểm ảnh (Đầu vào: [0;&#xa0;1]) rồi huấn luyện lại: điểm ảnh được đưa vào thô, từ 0 đến 255, nên đầu vào của một nơ-ron ReLU lên tới hàng trăm, và đầu ra của nó cũng vậy. ReLU không bão hoà, nhưng với tốc độ học {lr:g}, những bước đầu tiên trên các giá trị lớn như thế tắt hẳn phần lớn nơ-ron (ReLU chết: chúng không kích hoạt với ảnh nào), và mạng phân loại nhầm nhiều hơn chính mạng ấy khi được đưa điểm ảnh đã chia tỉ lệ.</translation>
    </message>
    <message>
        <source>Scale the pixels (Inputs: [0, 1]) and train again: they go in raw, 0 to 255, so a {activation} unit&apos;s input is in the hundreds, where {activation} is flat (saturated); it learns slowly and the validation loss jumps about.</source>
        <translation>Hãy chia tỉ lệ điểm ảnh (Đầu vào: [0;&#xa0;1]) rồi huấn luyện lại: điểm ảnh được đưa vào thô, từ 0 đến 255, nên đầu vào của một nơ-ron {activation} lên tới hàng trăm, nơi {activation} gần như phẳng (bão hoà); nó học chậm và mất mát kiểm định nhảy lên xuống.</translation>
    </message>
    <message>
        <source>Scale the pixels (Inputs: [0, 1]) and train again: {share:.0%} of the units after {name} never fired on the last sampled batch (dead ReLUs), and the pixels go in raw, 0 to 255; a ReLU unit&apos;s input is then in the hundreds, and so is its output, and steps on such large values switch units off for good.</source>
        <translation>Hãy chia tỉ lệ điểm ảnh (Đầu vào: [0;&#xa0;1]) rồi huấn luyện lại: {share:.0%} số nơ-ron sau {name} không kích hoạt lần nào trên batch được lấy mẫu gần nhất (ReLU chết), và điểm ảnh được đưa vào thô, từ 0 đến 255; đầu vào của một nơ-ron ReLU khi đó lên tới hàng trăm, đầu ra của nó cũng vậy, và những bước trên các giá trị lớn như thế tắt hẳn các nơ-ron.</translation>
    </message>
    <message>
        <source>See {name}&apos;s mistakes</source>
        <translation>Xem các ảnh đoán sai của {name}</translation>
    </message>
    <message>
        <source>See {name}&apos;s mistakes in Mistakes: it holds {share:.0%} of this epoch&apos;s on its training batches ({n} of {total}), most often taken for {other}.</source>
        <translation>Xem lỗi của {name} ở trang Đoán sai: lớp này chiếm {share:.0%} số lỗi của epoch này trên các batch huấn luyện ({n} trên {total}), thường bị nhầm nhất thành {other}.</translation>
    </message>
    <message>
        <source>See {name}&apos;s mistakes in Mistakes: it holds {share:.0%} of those on the validation split ({n} of {total}), most often taken for {other}.</source>
        <translation>Xem lỗi của {name} ở trang Đoán sai: lớp này chiếm {share:.0%} số lỗi trên phần kiểm định (validation) ({n} trên {total}), thường bị nhầm nhất thành {other}.</translation>
    </message>
    <message>
        <source>Set the learning rate back to {lr:g}</source>
        <translation>Đặt lại tốc độ học về {lr:g}</translation>
    </message>
    <message>
        <source>Set the learning rate back, or lower it further: training loss rose from {v0} at epoch {e0} to {v2} at epoch {e2} after it was raised from {previous:g} to {rate:g} in epoch {at}; steps that large overshoot.</source>
        <translation>Hãy đặt lại tốc độ học như cũ, hoặc giảm thêm: mất mát huấn luyện tăng từ {v0} ở epoch {e0} lên {v2} ở epoch {e2} sau khi tốc độ học được tăng từ {previous:g} lên {rate:g} ở epoch {at}; bước cập nhật lớn như vậy vượt quá điểm tốt.</translation>
    </message>
    <message>
        <source>Set the learning rate back, or lower it further: validation loss rose from {v0} at epoch {e0} to {v2} at epoch {e2} after it was raised from {previous:g} to {rate:g} in epoch {at}; steps that large overshoot.</source>
        <translation>Hãy đặt lại tốc độ học như cũ, hoặc giảm thêm: mất mát kiểm định tăng từ {v0} ở epoch {e0} lên {v2} ở epoch {e2} sau khi tốc độ học được tăng từ {previous:g} lên {rate:g} ở epoch {at}; bước cập nhật lớn như vậy vượt quá điểm tốt.</translation>
    </message>
    <message>
        <source>Stalled: train for many more epochs, or train again with Adam or batches of {size}; full-batch gradient descent takes one step an epoch. Training accuracy has stood near {accuracy:.0%} for the last {epochs} epochs ({steps:,} batches), far under what a network reaches on these images.</source>
        <translation>Đã chững lại: hãy huấn luyện thêm nhiều epoch nữa, hoặc huấn luyện lại với Adam hoặc batch {size}; hạ gradient cả tập (full batch) chỉ đi một bước mỗi epoch. Độ chính xác huấn luyện đã đứng quanh {accuracy:.0%} suốt {epochs}&#xa0;epoch vừa qua ({steps:,}&#xa0;batch), thấp xa so với mức một mạng đạt được trên những ảnh này.</translation>
    </message>
    <message>
        <source>Stopped learning: check the input normalisation and the learning rate, or train again with Adam. Training accuracy has stood near {accuracy:.0%} for the last {epochs} epochs ({steps:,} batches), far under what a network reaches on these images.</source>
        <translation>Đã ngừng học: hãy kiểm tra chuẩn hoá đầu vào và tốc độ học, hoặc huấn luyện lại với Adam. Độ chính xác huấn luyện đã đứng quanh {accuracy:.0%} suốt {epochs}&#xa0;epoch vừa qua ({steps:,}&#xa0;batch), thấp xa so với mức một mạng đạt được trên những ảnh này.</translation>
    </message>
    <message>
        <source>Stopped learning: scale the pixels (Inputs: [0, 1]) and train again. They go in raw, 0 to 255; training accuracy has stood near {accuracy:.0%} for the last {epochs} epochs ({steps:,} batches), far under what a network reaches on these images.</source>
        <translation>Đã ngừng học: hãy chia tỉ lệ điểm ảnh (Đầu vào: [0;&#xa0;1]) rồi huấn luyện lại. Điểm ảnh đang được đưa vào thô, từ 0 đến 255; độ chính xác huấn luyện đã đứng quanh {accuracy:.0%} suốt {epochs}&#xa0;epoch vừa qua ({steps:,}&#xa0;batch), thấp xa so với mức một mạng đạt được trên những ảnh này.</translation>
    </message>
    <message>
        <source>The learning rate is probably too high: the loss climbed from {before} to {recent} over the last {n} batches.</source>
        <translation>Có lẽ tốc độ học quá cao: mất mát tăng từ {before} lên {recent} trong {n}&#xa0;batch gần nhất.</translation>
    </message>
    <message>
        <source>The learning rate {rate:g} is too high for this run: training accuracy fell from {high:.1%} to {low:.1%}, the 10% of guessing, after it was set.</source>
        <translation>Tốc độ học {rate:g} quá cao với lượt chạy này: độ chính xác huấn luyện tụt từ {high:.1%} xuống {low:.1%}, mức 10% của đoán mò, sau khi đặt tốc độ này.</translation>
    </message>
    <message>
        <source>The run has not recovered from steps too large for it: a smaller learning rate may bring it on; training again from the start with one is surer. Training accuracy has stood near {accuracy:.0%} for the last {epochs} epochs ({steps:,} batches), far under what a network reaches on these images.</source>
        <translation>Lượt chạy chưa hồi phục sau những bước quá lớn với nó: một tốc độ học nhỏ hơn có thể giúp nó tiến lên; huấn luyện lại từ đầu với tốc độ đó thì chắc chắn hơn. Độ chính xác huấn luyện đã đứng quanh {accuracy:.0%} suốt {epochs}&#xa0;epoch vừa qua ({steps:,}&#xa0;batch), thấp xa so với mức một mạng đạt được trên những ảnh này.</translation>
    </message>
    <message>
        <source>Train it again from the start: the training loss has stood at {loss} since epoch {since}, the loss of a network that answers every image alike (ln {n} = {chance}). Its units no longer respond to the images, and no learning rate brings them back.</source>
        <translation>Hãy huấn luyện lại từ đầu: mất mát huấn luyện đứng ở {loss} từ epoch {since}, mất mát của một mạng trả lời mọi ảnh như nhau (ln {n} = {chance}). Các nút của nó không còn phản ứng với ảnh, và không tốc độ học nào làm chúng sống lại.</translation>
    </message>
    <message>
        <source>Turn augmentation on</source>
        <translation>Bật tăng cường dữ liệu</translation>
    </message>
    <message>
        <source>Use batches of {batch_size}</source>
        <translation>Dùng batch {batch_size}</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <source> ({share} of true {name})</source>
        <translation> ({share} số ảnh đúng là {name})</translation>
    </message>
    <message>
        <source>Click a cell to see its images: off the diagonal the mistakes, on it the correct ones.</source>
        <translation>Bấm vào một ô để xem các ảnh của nó: ngoài đường chéo là lỗi phân loại, trên đường chéo là ảnh đoán đúng.</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Ma trận nhầm lẫn</translation>
    </message>
    <message>
        <source>Drawing the confusion matrix…</source>
        <extracomment>what the canvas says while the picture of a new matrix is drawn (the last one&apos;s is not shown, or shown faded under these words)</extracomment>
        <translation>Đang vẽ ma trận nhầm lẫn…</translation>
    </message>
    <message>
        <source>No evaluation yet</source>
        <translation>Chưa đánh giá</translation>
    </message>
    <message>
        <source>true {true}, predicted {predicted}</source>
        <translation>đúng là {true}, dự đoán {predicted}</translation>
    </message>
    <message>
        <source>{name} recognised correctly</source>
        <translation>{name} được nhận đúng</translation>
    </message>
    <message>
        <source>{said} Click to open them.</source>
        <translation>{said} Bấm để mở các ảnh này.</translation>
    </message>
    <message>
        <source>{said} Press Enter to open them.</source>
        <translation>{said} Nhấn Enter để mở các ảnh này.</translation>
    </message>
    <message>
        <source>{what}: {count}{share}.</source>
        <translation>{what}: {count}{share}.</translation>
    </message>
</context>
<context>
    <name>ContinueDialog</name>
    <message>
        <source> to {end} in epoch {last}</source>
        <translation> đến {end} ở epoch {last}</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Huấn luyện tiếp</translation>
    </message>
    <message>
        <source>&amp;Keep the rate the run ended with: lr {lr}</source>
        <translation>&amp;Giữ tốc độ học lượt chạy kết thúc với: {lr}</translation>
    </message>
    <message>
        <source>&amp;More epochs:</source>
        <translation>&amp;Thêm số epoch:</translation>
    </message>
    <message>
        <source>As many as Optimisation &gt; &amp;Epochs says: {n} more, to epoch {last}</source>
        <translation>Theo số ở Tối&#xa0;ưu&#xa0;&gt;&#xa0;&amp;Epoch: thêm {n}, đến epoch {last}</translation>
    </message>
    <message>
        <source>Continue training</source>
        <translation>Huấn luyện tiếp</translation>
    </message>
    <message>
        <source>Epoch {first}</source>
        <translation>Epoch {first}</translation>
    </message>
    <message>
        <source>Epochs {first}–{last}</source>
        <translation>Các epoch {first}–{last}</translation>
    </message>
    <message>
        <source>It starts {times}× above the {ended} the run ended with.</source>
        <translation>Nó bắt đầu cao gấp {times}&#xa0;lần mức {ended} mà lượt chạy kết thúc.</translation>
    </message>
    <message>
        <source>It was stopped before epoch {last}, the last of its plan.</source>
        <translation>Nó đã dừng trước epoch {last}, epoch cuối trong kế hoạch của nó.</translation>
    </message>
    <message>
        <source>Its plan ended with epoch {last}.</source>
        <translation>Kế hoạch của nó kết thúc ở epoch {last}.</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Tốc độ học:</translation>
    </message>
    <message>
        <source>Let its schedule “{schedule}” go &amp;on to its end</source>
        <translation>Để lịch “{schedule}” của nó chạy &amp;nốt đến cuối</translation>
    </message>
    <message>
        <source>Run its schedule “{schedule}” &amp;again over them, from lr</source>
        <translation>Chạy &amp;lại lịch “{schedule}” của nó trên các epoch này, từ tốc độ học</translation>
    </message>
    <message>
        <source>Suggested: a quarter of the {done} epochs it has trained.</source>
        <translation>Gợi ý: một phần tư số {done}&#xa0;epoch nó đã huấn luyện.</translation>
    </message>
    <message>
        <source>Suggested: one more epoch.</source>
        <translation>Gợi ý: thêm 1&#xa0;epoch.</translation>
    </message>
    <message>
        <source>Take the coach&apos;s &amp;rate: lr {lr}</source>
        <translation>&amp;Dùng tốc độ học trợ lý đề xuất: {lr}</translation>
    </message>
    <message>
        <source>The coach: {said}</source>
        <translation>Trợ lý: {said}</translation>
    </message>
    <message>
        <source>The rest of epoch {epoch} (from batch {batch})</source>
        <translation>Phần còn lại của epoch {epoch} (từ batch {batch})</translation>
    </message>
    <message>
        <source>The rest of its &amp;plan: {n} more, to epoch {last}</source>
        <translation>&amp;Phần còn lại của kế hoạch: thêm {n}, đến epoch {last}</translation>
    </message>
    <message>
        <source>Train at &amp;another rate: lr</source>
        <translation>Huấn luyện với tốc độ học &amp;khác:</translation>
    </message>
    <message>
        <source>Train {model} further, from the end of epoch {done}.</source>
        <translation>Huấn luyện tiếp {model}, từ cuối epoch {done}.</translation>
    </message>
    <message>
        <source>Train {model} further. It was stopped at batch {batch} of epoch {epoch}: what it learnt up to there is kept. The first new epoch trains the rest of epoch {epoch}, from batch {next}; whole epochs follow.</source>
        <translation>Huấn luyện tiếp {model}. Nó đã dừng ở batch {batch} của epoch {epoch}: những gì nó học được đến đó vẫn được giữ. Epoch mới đầu tiên huấn luyện nốt epoch {epoch}, từ batch {next}; sau đó là các epoch trọn vẹn.</translation>
    </message>
    <message>
        <source>the rate of every batch of the new epochs</source>
        <translation>tốc độ học của mọi batch trong các epoch mới</translation>
    </message>
    <message>
        <source>the rate the schedule starts from in the first new epoch</source>
        <translation>tốc độ học mà lịch bắt đầu ở epoch mới đầu tiên</translation>
    </message>
    <message>
        <source>{rest} and epoch {last}</source>
        <translation>{rest} và epoch {last}</translation>
    </message>
    <message>
        <source>{rest} and epochs {second}–{last}</source>
        <translation>{rest} và các epoch {second}–{last}</translation>
    </message>
    <message>
        <source>{span}: its schedule “{schedule}” goes on, lr {start} in epoch {first}</source>
        <translation>{span}: lịch “{schedule}” của nó chạy tiếp, tốc độ học {start} ở epoch {first}</translation>
    </message>
    <message>
        <source>{span}: lr {lr} for every batch.</source>
        <translation>{span}: tốc độ học {lr} cho mọi batch.</translation>
    </message>
    <message>
        <source>{span}: lr {lr}, the coach&apos;s rate, for every batch.</source>
        <translation>{span}: tốc độ học {lr} (trợ lý đề xuất) cho mọi batch.</translation>
    </message>
    <message>
        <source>{span}: lr {lr}, the rate the run ended with, for every batch.</source>
        <translation>{span}: tốc độ học {lr} (mức lượt chạy kết thúc với) cho mọi batch.</translation>
    </message>
    <message>
        <source>{span}: the schedule “{schedule}” again, lr {start} in epoch {first}</source>
        <translation>{span}: lại lịch “{schedule}”, tốc độ học {start} ở epoch {first}</translation>
    </message>
</context>
<context>
    <name>Coordinator</name>
    <message>
        <source>Cannot open image</source>
        <translation>Không mở được ảnh</translation>
    </message>
    <message>
        <source>Cannot open model</source>
        <translation>Không mở được mô hình</translation>
    </message>
    <message>
        <source>Cannot save model</source>
        <translation>Không lưu được mô hình</translation>
    </message>
    <message>
        <source>Damaged: {damage}</source>
        <translation>Bị làm hỏng: {damage}</translation>
    </message>
    <message>
        <source>Data folder (it holds {other}, not {title}):</source>
        <translation>Thư mục dữ liệu (chứa {other}, không phải {title}):</translation>
    </message>
    <message>
        <source>Data folder (without the {title} files):</source>
        <translation>Thư mục dữ liệu (không có các tệp {title}):</translation>
    </message>
    <message>
        <source>Loading the {title} test images...</source>
        <translation>Đang nạp các ảnh kiểm tra của {title}...</translation>
    </message>
    <message>
        <source>Old model file</source>
        <translation>Tệp mô hình cũ</translation>
    </message>
    <message>
        <source>Settings not read</source>
        <translation>Không đọc được cài đặt</translation>
    </message>
    <message>
        <source>Test image {index} of {title}</source>
        <translation>Ảnh kiểm tra {index} của {title}</translation>
    </message>
    <message>
        <source>Test image {index} of {title}, damaged: {damage}</source>
        <translation>Ảnh kiểm tra {index} của {title}, bị làm hỏng: {damage}</translation>
    </message>
    <message>
        <source>Test images unavailable</source>
        <translation>Không có ảnh kiểm tra</translation>
    </message>
    <message>
        <source>Your settings could not be saved in {path} ({reason}); what you change now is forgotten when nndesk closes.</source>
        <translation>Không lưu được cài đặt của bạn vào {path} ({reason}); những gì bạn thay đổi bây giờ sẽ mất khi đóng nndesk.</translation>
    </message>
    <message>
        <source>Your settings could not be saved in {path}; what you change now is forgotten when nndesk closes.</source>
        <translation>Không lưu được cài đặt của bạn vào {path}; những gì bạn thay đổi bây giờ sẽ mất khi đóng nndesk.</translation>
    </message>
    <message>
        <source>Your settings were not read: {path} {problem}. It was left as it is; this session starts from the default settings and keeps what you change in {fallback}.</source>
        <translation>Không đọc được cài đặt của bạn: {path} {problem}. Nó được giữ nguyên; phiên này bắt đầu với cài đặt mặc định và lưu những gì bạn thay đổi vào {fallback}.</translation>
    </message>
    <message>
        <source>test image {index} does not exist: the test set has {n}</source>
        <translation>ảnh kiểm tra {index} không tồn tại: tập kiểm tra có {n}&#xa0;ảnh</translation>
    </message>
    <message>
        <source>{path} is an old (format 1) model file: its checksum does not cover its header (layers, normalisation, class names), so an edit there would go unnoticed. It is in use; save it again (Train &gt; Save model…) to protect it.</source>
        <translation>{path} là tệp mô hình cũ (định dạng 1): tổng kiểm tra của nó không bao phần đầu tệp (các tầng, cách chuẩn hoá, tên lớp), nên một chỉnh sửa ở đó sẽ không bị phát hiện. Mô hình vẫn được dùng; hãy lưu lại nó (Huấn luyện &gt; Lưu mô hình…) để bảo vệ.</translation>
    </message>
    <message>
        <source>{path} is no longer there.</source>
        <translation>{path} không còn ở đó nữa.</translation>
    </message>
    <message>
        <source>{path} is no longer there; using {model} instead.</source>
        <translation>{path} không còn ở đó nữa; đang dùng {model} thay thế.</translation>
    </message>
    <message>
        <source>{title} downloaded and verified</source>
        <translation>Đã tải và kiểm chứng {title}</translation>
    </message>
    <message>
        <source>{title} is read from nndesk&apos;s downloaded copy (this folder cannot be read)</source>
        <translation>{title} được đọc từ bản đã tải về của nndesk (không đọc được thư mục này)</translation>
    </message>
    <message>
        <source>{title} is read from nndesk&apos;s downloaded copy (this folder does not hold its files)</source>
        <translation>{title} được đọc từ bản đã tải về của nndesk (thư mục này không chứa các tệp của nó)</translation>
    </message>
    <message>
        <source>{title} is read from nndesk&apos;s downloaded copy (this folder holds {other})</source>
        <translation>{title} được đọc từ bản đã tải về của nndesk (thư mục này chứa {other})</translation>
    </message>
    <message>
        <source>{title} is read from nndesk&apos;s verified copy (a file of it in this folder is damaged)</source>
        <translation>{title} được đọc từ bản đã kiểm tra của nndesk (một tệp của nó trong thư mục này bị hỏng)</translation>
    </message>
</context>
<context>
    <name>DataBanner</name>
    <message>
        <source>Another download ({title}) is running</source>
        <translation>Đang tải một tập khác ({title})</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Chọn thư mục…</translation>
    </message>
    <message>
        <source>Classroom mirror…</source>
        <translation>Nguồn tải của lớp học…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation>Chi tiết: {details}</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Tải về</translation>
    </message>
    <message>
        <source>Download of {title} cancelled: {kept} of 4 files are here; the rest was not kept.</source>
        <translation>Đã huỷ tải {title}: {kept} trong 4&#xa0;tệp đã có ở đây; phần còn lại không được giữ.</translation>
    </message>
    <message>
        <source>Download of {title} cancelled; nothing was kept.</source>
        <translation>Đã huỷ tải {title}; không giữ lại gì.</translation>
    </message>
    <message>
        <source>Download the four files from the mirrors (a classroom mirror first, if set in File &gt; Settings…), check their SHA-256 and keep them in nndesk&apos;s cache</source>
        <translation>Tải bốn tệp từ các nguồn tải (mirror), trước hết từ nguồn tải của lớp học nếu đã đặt ở Tệp &gt; Cài đặt…; kiểm tra SHA-256 của chúng và giữ trong bộ nhớ đệm của nndesk</translation>
    </message>
    <message>
        <source>Download {title}</source>
        <translation>Tải {title}</translation>
    </message>
    <message>
        <source>Downloaded so far; the files are checked before they are kept</source>
        <translation>Phần đã tải; các tệp được kiểm tra trước khi giữ lại</translation>
    </message>
    <message>
        <source>Downloading {title}; each file is checked before it is kept.</source>
        <translation>Đang tải {title}; mỗi tệp được kiểm tra trước khi giữ lại.</translation>
    </message>
    <message>
        <source>Open File &gt; Settings… at the classroom mirror: a web address or shared folder where a teacher serves the datasets, tried before the internet</source>
        <translation>Mở Tệp &gt; Cài đặt… ở ô nguồn tải của lớp học: một địa chỉ web hoặc thư mục dùng chung nơi giáo viên cung cấp các bộ dữ liệu, được thử trước Internet</translation>
    </message>
    <message>
        <source>Point nndesk at a folder holding the four IDX files (also File &gt; Data folder…)</source>
        <translation>Chỉ cho nndesk một thư mục chứa bốn tệp IDX (cũng có ở Tệp &gt; Thư mục dữ liệu…)</translation>
    </message>
    <message>
        <source>Show or hide why the file cannot be read and where it is</source>
        <translation>Hiện hoặc ẩn lý do không đọc được tệp và tệp nằm ở đâu</translation>
    </message>
    <message>
        <source>Stop the download; files already checked are kept</source>
        <translation>Dừng tải; các tệp đã kiểm tra xong được giữ lại</translation>
    </message>
    <message>
        <source>Switch the window to the mode of the dataset this folder holds</source>
        <translation>Chuyển cửa sổ sang chế độ của tập dữ liệu mà thư mục này chứa</translation>
    </message>
    <message>
        <source>Switch the window to the mode of {title}, which this folder holds: its model and pages then read it (also the Mode menu)</source>
        <translation>Chuyển cửa sổ sang chế độ của {title}, tập mà thư mục này chứa: mô hình và các trang của chế độ đó sẽ đọc nó (cũng có trong menu Chế độ)</translation>
    </message>
    <message>
        <source>Switch to Clothing</source>
        <translation>Chuyển sang Quần áo</translation>
    </message>
    <message>
        <source>Switch to Digits</source>
        <translation>Chuyển sang Chữ số</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>đang kết nối…</translation>
    </message>
    <message>
        <source>{done:.1f} of {total:.0f} MB</source>
        <translation>{done:.1f} trên {total:.0f}&#xa0;MB</translation>
    </message>
    <message>
        <source>{title} is downloaded and verified.</source>
        <translation>Đã tải và kiểm chứng {title}.</translation>
    </message>
</context>
<context>
    <name>DataFolderNote</name>
    <message>
        <source>Commands and the next start read NNDESK_DATA_DIR:</source>
        <translation>Các lệnh và lần mở sau đọc NNDESK_DATA_DIR:</translation>
    </message>
    <message>
        <source>Data folder cannot be read:</source>
        <translation>Không đọc được thư mục dữ liệu:</translation>
    </message>
    <message>
        <source>Data folder is a file, not a folder:</source>
        <translation>Thư mục dữ liệu là một tệp, không phải thư mục:</translation>
    </message>
    <message>
        <source>Data folder not found, from NNDESK_DATA_DIR:</source>
        <translation>Không tìm thấy thư mục dữ liệu, theo NNDESK_DATA_DIR:</translation>
    </message>
    <message>
        <source>Data folder not found:</source>
        <translation>Không tìm thấy thư mục dữ liệu:</translation>
    </message>
    <message>
        <source>Data folder, from NNDESK_DATA_DIR, cannot be read:</source>
        <translation>Thư mục dữ liệu, theo NNDESK_DATA_DIR, không đọc được:</translation>
    </message>
    <message>
        <source>Data folder, from NNDESK_DATA_DIR, is a file, not a folder:</source>
        <translation>Thư mục dữ liệu, theo NNDESK_DATA_DIR, là một tệp, không phải thư mục:</translation>
    </message>
    <message>
        <source>Data folder, from NNDESK_DATA_DIR:</source>
        <translation>Thư mục dữ liệu, theo NNDESK_DATA_DIR:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Thư mục dữ liệu:</translation>
    </message>
    <message>
        <source>Your chosen folder, not read while NNDESK_DATA_DIR is set:</source>
        <translation>Thư mục bạn đã chọn, không đọc khi NNDESK_DATA_DIR được đặt:</translation>
    </message>
    <message>
        <source>{title} in {folder}/</source>
        <translation>{title} trong {folder}/</translation>
    </message>
</context>
<context>
    <name>DatasetView</name>
    <message>
        <source>Class</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Click an image to put it on the drawing canvas</source>
        <translation>Bấm vào một ảnh để đặt nó lên khung vẽ</translation>
    </message>
    <message>
        <source>Could not write {path}: {strerror}</source>
        <translation>Không ghi được {path}: {strerror}</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Tập dữ liệu</translation>
    </message>
    <message>
        <source>Draw other random images of every class</source>
        <translation>Lấy các ảnh ngẫu nhiên khác của mọi lớp</translation>
    </message>
    <message>
        <source>How many images each class has: a balanced dataset has equal bars</source>
        <translation>Mỗi lớp có bao nhiêu ảnh: tập dữ liệu cân bằng có các cột bằng nhau</translation>
    </message>
    <message>
        <source>Images per class (test)</source>
        <translation>Số ảnh mỗi lớp (kiểm tra)</translation>
    </message>
    <message>
        <source>Images per class (training)</source>
        <translation>Số ảnh mỗi lớp (huấn luyện)</translation>
    </message>
    <message>
        <source>Label distribution</source>
        <translation>Phân bố nhãn</translation>
    </message>
    <message>
        <source>Loading {title}…</source>
        <translation>Đang nạp {title}…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>Mean image of each class (test set)</source>
        <translation>Ảnh trung bình của mỗi lớp (tập kiểm tra)</translation>
    </message>
    <message>
        <source>Mean image of each class (training set)</source>
        <translation>Ảnh trung bình của mỗi lớp (tập huấn luyện)</translation>
    </message>
    <message>
        <source>Mean images</source>
        <translation>Ảnh trung bình</translation>
    </message>
    <message>
        <source>New samples</source>
        <translation>Mẫu mới</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Không có dữ liệu</translation>
    </message>
    <message>
        <source>Random images of every class, with the first training and test image</source>
        <translation>Ảnh ngẫu nhiên của mọi lớp, cùng ảnh huấn luyện và ảnh kiểm tra đầu tiên</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Lưu biểu đồ</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>Lưu biểu đồ thành PNG…</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Lưu thất bại</translation>
    </message>
    <message>
        <source>Save the chart of the tab shown as a PNG image</source>
        <translation>Lưu biểu đồ của thẻ đang hiện thành ảnh PNG</translation>
    </message>
    <message>
        <source>Share of each class</source>
        <translation>Tỉ lệ của mỗi lớp</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Phần</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Test set</source>
        <translation>Tập kiểm tra</translation>
    </message>
    <message>
        <source>The average image of each class: where its ink usually lies</source>
        <translation>Ảnh trung bình của mỗi lớp: nơi nét mực thường nằm</translation>
    </message>
    <message>
        <source>The number of images per class as a table</source>
        <translation>Số ảnh mỗi lớp dưới dạng bảng</translation>
    </message>
    <message>
        <source>The training images (what a network learns from) or the test images</source>
        <translation>Các ảnh huấn luyện (mạng học từ đây) hoặc các ảnh kiểm tra</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Huấn luyện</translation>
    </message>
    <message>
        <source>Training set</source>
        <translation>Tập huấn luyện</translation>
    </message>
    <message>
        <source>Which dataset to look at: MNIST digits or Fashion-MNIST</source>
        <translation>Xem tập dữ liệu nào: chữ số MNIST hay Fashion-MNIST</translation>
    </message>
    <message>
        <source>test[0]
label {label}{name}</source>
        <translation>ảnh kiểm tra đầu&#xa0;tiên
nhãn {label}{name}</translation>
    </message>
    <message>
        <source>train[0]
label {label}{name}</source>
        <translation>ảnh huấn luyện đầu&#xa0;tiên
nhãn {label}{name}</translation>
    </message>
    <message>
        <source>{n} random test images per class</source>
        <translation>{n}&#xa0;ảnh kiểm tra ngẫu nhiên mỗi lớp</translation>
    </message>
    <message>
        <source>{n} random training images per class</source>
        <translation>{n}&#xa0;ảnh huấn luyện ngẫu nhiên mỗi lớp</translation>
    </message>
    <message>
        <source>{title}: {train} training and {test} test images, {k} classes, 28×28 pixels in 0..255</source>
        <translation>{title}: {train}&#xa0;ảnh huấn luyện và {test}&#xa0;ảnh kiểm tra, {k}&#xa0;lớp, 28×28&#xa0;điểm ảnh, mỗi điểm từ 0&#xa0;đến&#xa0;255</translation>
    </message>
    <message>
        <source>{title}: {train} training images, {k} classes, 28×28 pixels in 0..255; the test images cannot be read</source>
        <translation>{title}: {train}&#xa0;ảnh huấn luyện, {k}&#xa0;lớp, 28×28&#xa0;điểm ảnh, mỗi điểm từ 0&#xa0;đến&#xa0;255; không đọc được ảnh kiểm tra</translation>
    </message>
</context>
<context>
    <name>Datasets</name>
    <message>
        <source>Download a verified copy, or choose another folder.</source>
        <translation>Hãy tải về một bản đã kiểm tra, hoặc chọn thư mục khác.</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>It is in nndesk&apos;s download cache ({folder}): Download replaces it with a verified copy; or choose a folder holding the four {title} files.</source>
        <translation>Tệp này nằm trong bộ nhớ đệm tải về của nndesk ({folder}): nút Tải về sẽ thay nó bằng một bản đã kiểm tra; hoặc chọn một thư mục chứa bốn tệp của {title}.</translation>
    </message>
    <message>
        <source>It is in {folder}. Download puts a verified copy of {title} in nndesk&apos;s cache and uses that (your file stays as it is); or choose another folder.</source>
        <translation>Tệp này nằm trong {folder}. Nút Tải về sẽ đặt một bản {title} đã kiểm tra vào bộ nhớ đệm của nndesk và dùng bản đó (tệp của bạn vẫn giữ nguyên); hoặc chọn một thư mục khác.</translation>
    </message>
    <message>
        <source>It is not in {folder} either.</source>
        <translation>Trong {folder} cũng không có.</translation>
    </message>
    <message>
        <source>MNIST handwritten digits</source>
        <translation>MNIST (chữ số viết tay)</translation>
    </message>
    <message>
        <source>Technical detail, as the library wrote it: {detail}</source>
        <translation>Chi tiết kỹ thuật, nguyên văn của thư viện: {detail}</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be read ({reason}): choose a folder you can read, or download {title} into nndesk&apos;s cache.</source>
        <translation>Không đọc được thư mục dữ liệu {folder} ({reason}): hãy chọn một thư mục bạn đọc được, hoặc tải {title} vào bộ nhớ đệm của nndesk.</translation>
    </message>
    <message>
        <source>The {title} file {file} is damaged (corrupt or cut short).</source>
        <translation>Tệp {file} của {title} bị hỏng hoặc bị cắt cụt.</translation>
    </message>
    <message>
        <source>You may not read the {title} file {file} (permission denied).</source>
        <translation>Bạn không có quyền đọc tệp {file} của {title}.</translation>
    </message>
    <message>
        <source>{files} are missing from {folder}: training needs all four {title} files. Download {title}, or choose a folder holding them.</source>
        <translation>{folder} thiếu {files}: muốn huấn luyện cần đủ bốn tệp của {title}. Hãy tải {title} về, hoặc chọn một thư mục chứa đủ các tệp đó.</translation>
    </message>
    <message>
        <source>{files} is missing from {folder}: training needs all four {title} files. Download {title}, or choose a folder holding them.</source>
        <translation>{folder} thiếu {files}: muốn huấn luyện cần đủ bốn tệp của {title}. Hãy tải {title} về, hoặc chọn một thư mục chứa đủ các tệp đó.</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} và {last}</translation>
    </message>
    <message>
        <source>{title} is not on this computer yet: download it, or choose a folder holding its four IDX files.</source>
        <translation>Máy tính này chưa có {title}: hãy tải về, hoặc chọn một thư mục chứa bốn tệp IDX của nó.</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>dd MMM</source>
        <translation>dd/MM</translation>
    </message>
    <message>
        <source>dd MMM yyyy</source>
        <translation>dd/MM/yyyy</translation>
    </message>
    <message>
        <source>{date} {time}</source>
        <translation>{time} ngày {date}</translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <source>Close; a running download goes on</source>
        <translation>Đóng; việc tải đang chạy vẫn tiếp tục</translation>
    </message>
    <message>
        <source>Dataset needed</source>
        <translation>Cần tập dữ liệu</translation>
    </message>
</context>
<context>
    <name>Downloads</name>
    <message>
        <source>Try again uses the classroom mirror {mirror}, or choose a folder holding the four {title} files.</source>
        <translation>Bấm Thử lại để tải từ nguồn tải của lớp học {mirror}, hoặc chọn một thư mục chứa bốn tệp {title}.</translation>
    </message>
    <message>
        <source>Try again, check the classroom mirror {mirror} (tried first; File &gt; Settings…), or choose a folder holding the four {title} files.</source>
        <translation>Hãy thử lại, kiểm tra nguồn tải của lớp học {mirror} (đã thử trước tiên; Tệp &gt; Cài đặt…), hoặc chọn một thư mục chứa bốn tệp {title}.</translation>
    </message>
    <message>
        <source>Try again, choose a folder holding the four {title} files, or set a classroom mirror (File &gt; Settings…).</source>
        <translation>Hãy thử lại, chọn một thư mục chứa bốn tệp {title}, hoặc đặt nguồn tải của lớp học (Tệp &gt; Cài đặt…).</translation>
    </message>
    <message>
        <source>Try again, or choose a folder holding the four {title} files.</source>
        <translation>Hãy thử lại, hoặc chọn một thư mục chứa bốn tệp {title}.</translation>
    </message>
    <message>
        <source>{file} could not be downloaded from any server.</source>
        <translation>Không tải được {file} từ máy chủ nào.</translation>
    </message>
    <message>
        <source>{file} did not match its checksum and was removed.</source>
        <translation>{file} không khớp mã kiểm tra nên đã bị xoá.</translation>
    </message>
</context>
<context>
    <name>EvaluationPanel</name>
    <message>
        <source> — evaluated when you open this page</source>
        <translation> — được đánh giá khi bạn mở trang này</translation>
    </message>
    <message>
        <source>&lt;b&gt;Confusion matrix&lt;/b&gt; — rows: true class, columns: predicted class</source>
        <translation>&lt;b&gt;Ma trận nhầm lẫn (confusion matrix)&lt;/b&gt; — hàng: lớp đúng, cột: lớp dự đoán</translation>
    </message>
    <message>
        <source>&lt;b&gt;Per-class report&lt;/b&gt;</source>
        <translation>&lt;b&gt;Báo cáo theo từng lớp&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Precision&lt;/b&gt;: of the images the model called this class, the share that are.&lt;br&gt;&lt;b&gt;Recall&lt;/b&gt;: of the images of this class, the share the model found.&lt;br&gt;&lt;b&gt;F1-score&lt;/b&gt;: the harmonic mean of the two. &lt;b&gt;Support&lt;/b&gt;: test images of the class.&lt;br&gt;&lt;b&gt;macro avg&lt;/b&gt; treats every class equally; &lt;b&gt;weighted avg&lt;/b&gt; weights each by its support.</source>
        <translation>&lt;b&gt;Độ chuẩn xác&lt;/b&gt; (precision): trong các ảnh mô hình gọi là lớp này, tỉ lệ ảnh đúng là lớp đó.&lt;br&gt;&lt;b&gt;Độ phủ&lt;/b&gt; (recall): trong các ảnh của lớp này, tỉ lệ mô hình tìm ra.&lt;br&gt;&lt;b&gt;Điểm F1&lt;/b&gt; (F1-score): trung bình điều hoà của hai chỉ số. &lt;b&gt;Số ảnh&lt;/b&gt; (support): số ảnh kiểm tra của lớp.&lt;br&gt;&lt;b&gt;trung bình macro&lt;/b&gt; coi mọi lớp như nhau; &lt;b&gt;trung bình có trọng số&lt;/b&gt; đặt trọng số theo số ảnh của từng lớp.</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Confusion matrix as PNG…</source>
        <translation>Ma trận nhầm lẫn thành PNG…</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Sao chép báo cáo</translation>
    </message>
    <message>
        <source>Copy the report as the text table the lab prints</source>
        <translation>Sao chép báo cáo dưới dạng bảng chữ như bài lab in ra</translation>
    </message>
    <message>
        <source>Could not write {path}: {strerror}</source>
        <translation>Không ghi được {path}: {strerror}</translation>
    </message>
    <message>
        <source>Evaluate again</source>
        <translation>Đánh giá lại</translation>
    </message>
    <message>
        <source>Evaluating the test images…
the matrix appears when all are read</source>
        <translation>Đang đánh giá các ảnh kiểm tra…
ma trận hiện ra khi đã đọc hết</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>Đang đánh giá…</translation>
    </message>
    <message>
        <source>Evaluating… {done:,} / {total:,} test images</source>
        <translation>Đang đánh giá… {done:,} / {total:,}&#xa0;ảnh kiểm tra</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Xuất thất bại</translation>
    </message>
    <message>
        <source>F1-score</source>
        <translation>Điểm F1</translation>
    </message>
    <message>
        <source>F1-score averaged over classes, each counting equally</source>
        <translation>Điểm F1 trung bình trên các lớp, mỗi lớp tính như nhau</translation>
    </message>
    <message>
        <source>Last export: {written}</source>
        <translation>Lần xuất gần nhất: {written}</translation>
    </message>
    <message>
        <source>Mean cross-entropy −log p(true class) over the test set</source>
        <translation>Mất mát entropy chéo trung bình −log p(lớp đúng) trên tập kiểm tra</translation>
    </message>
    <message>
        <source>Mistakes list as CSV…</source>
        <translation>Danh sách lỗi phân loại thành CSV…</translation>
    </message>
    <message>
        <source>Needs the test images: get them with the offer above (Download, Choose a folder…); the model is then evaluated at once</source>
        <translation>Cần các ảnh kiểm tra: hãy lấy chúng bằng các nút ở trên (Tải, Chọn thư mục…); mô hình sẽ được đánh giá ngay sau đó</translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation>Chưa có mô hình</translation>
    </message>
    <message>
        <source>Open or train a model; its test-set results appear here.</source>
        <translation>Mở hoặc huấn luyện một mô hình; kết quả trên tập kiểm tra của nó hiện ở đây.</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Độ chuẩn xác</translation>
    </message>
    <message>
        <source>Precision: of the images predicted as this class, the share that are.
Recall: of the images of this class, the share found.
F1: their harmonic mean. Support: test images of this class.</source>
        <translation>Độ chuẩn xác (precision): trong các ảnh được dự đoán là lớp này, tỉ lệ ảnh đúng.
Độ phủ (recall): trong các ảnh của lớp này, tỉ lệ được tìm ra.
Điểm F1: trung bình điều hoà của hai chỉ số. Số ảnh (support): số ảnh kiểm tra của lớp.</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Độ phủ</translation>
    </message>
    <message>
        <source>Reliability and coverage as PNG…</source>
        <translation>Độ tin cậy và tỉ lệ trả lời thành PNG…</translation>
    </message>
    <message>
        <source>Report as CSV…</source>
        <translation>Báo cáo thành CSV…</translation>
    </message>
    <message>
        <source>Report as JSON…</source>
        <translation>Báo cáo thành JSON…</translation>
    </message>
    <message>
        <source>Robustness charts as PNG…</source>
        <translation>Biểu đồ độ bền vững thành PNG…</translation>
    </message>
    <message>
        <source>Run the model over every test image again</source>
        <translation>Chạy lại mô hình trên mọi ảnh kiểm tra</translation>
    </message>
    <message>
        <source>Save the report, the confusion matrix, the mistakes list or the trust charts</source>
        <translation>Lưu báo cáo, ma trận nhầm lẫn, danh sách lỗi phân loại hoặc các biểu đồ độ tin cậy</translation>
    </message>
    <message>
        <source>Share of test images classified correctly</source>
        <translation>Tỉ lệ ảnh kiểm tra được phân loại đúng</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Số ảnh</translation>
    </message>
    <message>
        <source>Test images the model got wrong: click a matrix cell to see them</source>
        <translation>Các ảnh kiểm tra mô hình đoán sai: bấm vào một ô của ma trận để xem</translation>
    </message>
    <message>
        <source>The report below is from the last evaluation that worked.</source>
        <translation>Báo cáo bên dưới là của lần đánh giá thành công gần nhất.</translation>
    </message>
    <message>
        <source>Writing {path}…</source>
        <translation>Đang ghi {path}…</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>độ chính xác (accuracy)</translation>
    </message>
    <message>
        <source>f1-score</source>
        <translation>điểm F1</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>mất mát (loss)</translation>
    </message>
    <message>
        <source>macro F1</source>
        <translation>F1 trung bình (macro)</translation>
    </message>
    <message>
        <source>macro avg</source>
        <translation>trung bình macro</translation>
    </message>
    <message>
        <source>mistakes</source>
        <translation>lỗi phân loại</translation>
    </message>
    <message>
        <source>on the held-out images of the image folder it was trained on</source>
        <translation>trên các ảnh giữ riêng của thư mục ảnh đã dùng để huấn luyện nó</translation>
    </message>
    <message>
        <source>on the {dataset} test set</source>
        <translation>trên tập kiểm tra {dataset}</translation>
    </message>
    <message>
        <source>on the {dataset} {split} set: {n} images</source>
        <translation>trên tập {split} {dataset}: {n}&#xa0;ảnh</translation>
    </message>
    <message>
        <source>on {n} held-out images of the folder {folder}</source>
        <translation>trên {n}&#xa0;ảnh kiểm tra giữ riêng của thư mục {folder}</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>độ chuẩn xác</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>độ phủ</translation>
    </message>
    <message>
        <source>support</source>
        <translation>số ảnh</translation>
    </message>
    <message>
        <source>test</source>
        <translation>kiểm tra</translation>
    </message>
    <message>
        <source>training</source>
        <translation>huấn luyện</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <source>weighted avg</source>
        <translation>trung bình có trọng số</translation>
    </message>
    <message>
        <source>{model}-calibration</source>
        <translation>{model}-hiệu-chỉnh</translation>
    </message>
    <message>
        <source>{model}-confusion</source>
        <translation>{model}-ma-trận-nhầm-lẫn</translation>
    </message>
    <message>
        <source>{model}-mistakes</source>
        <translation>{model}-lỗi-phân-loại</translation>
    </message>
    <message>
        <source>{model}-report</source>
        <extracomment>the names the exports are proposed under, ``model`` the model&apos;s title, in the window&apos;s language as the Train page&apos;s curves and history files are (&quot;…-đường-cong.png&quot;)</extracomment>
        <translation>{model}-báo-cáo</translation>
    </message>
    <message>
        <source>{model}-robustness</source>
        <translation>{model}-độ-bền-vững</translation>
    </message>
</context>
<context>
    <name>ExportCode</name>
    <message>
        <source>Cannot export</source>
        <translation>Không xuất được</translation>
    </message>
    <message>
        <source>Could not write {path}: {value}</source>
        <translation>Không ghi được {path}: {value}</translation>
    </message>
    <message>
        <source>Export as Keras/TensorFlow notebook…</source>
        <translation>Xuất thành notebook Keras/TensorFlow…</translation>
    </message>
    <message>
        <source>Export as NumPy script…</source>
        <translation>Xuất thành script NumPy…</translation>
    </message>
    <message>
        <source>Export code</source>
        <translation>Xuất mã</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Xuất thất bại</translation>
    </message>
    <message>
        <source>Export the Settings tab as Keras/TensorFlow notebook…</source>
        <translation>Xuất thẻ Cài đặt thành notebook Keras/TensorFlow…</translation>
    </message>
    <message>
        <source>Export the Settings tab as NumPy script…</source>
        <translation>Xuất thẻ Cài đặt thành script NumPy…</translation>
    </message>
    <message>
        <source>Export the run on show as Keras/TensorFlow notebook…</source>
        <translation>Xuất lượt chạy đang hiện thành notebook Keras/TensorFlow…</translation>
    </message>
    <message>
        <source>Export the run on show as NumPy script…</source>
        <translation>Xuất lượt chạy đang hiện thành script NumPy…</translation>
    </message>
    <message>
        <source>Jupyter notebook (*.ipynb)</source>
        <translation>Notebook Jupyter (*.ipynb)</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Script Python (*.py)</translation>
    </message>
    <message>
        <source>This network is a CNN: the script&apos;s plain NumPy convolutions take ~16 min an epoch where nndesk takes 30 s.</source>
        <extracomment>The save dialog&apos;s note for a CNN&apos;s script: its plain NumPy convolutions took ~16 min an epoch of fashion-cnn-lab on a busy 2-core machine, 30 s in nndesk (walk54 D8), as the script&apos;s header and ``nndesk export-script`` say. In the dialog&apos;s body, wrapped: in its title a window manager cut it mid-sentence at ~660 px (walk55c D5).</extracomment>
        <translation>Mạng này là một CNN: các phép tích chập bằng NumPy thuần trong script mất ~16&#xa0;phút mỗi epoch, nndesk chỉ mất 30&#xa0;giây.</translation>
    </message>
    <message>
        <source>the settings on the Settings tab as they are now, not the run on show</source>
        <translation>các cài đặt đang có ở thẻ Cài đặt, không phải lượt chạy đang hiện</translation>
    </message>
    <message>
        <source>write this experiment as a standalone NumPy script or a Keras notebook to read, run and change without nndesk</source>
        <translation>ghi thí nghiệm này thành một script NumPy độc lập hoặc một notebook Keras để đọc, chạy và sửa mà không cần nndesk</translation>
    </message>
</context>
<context>
    <name>FileFilters</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Tệp JSON (*.json)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Ảnh PNG (*.png)</translation>
    </message>
    <message>
        <source>nndesk models (*.npz)</source>
        <translation>Mô hình nndesk (*.npz)</translation>
    </message>
</context>
<context>
    <name>FolderSource</name>
    <message>
        <source>Read from {folder}, the folder its run trained on (as the run&apos;s record says).</source>
        <translation>Đọc từ {folder}, thư mục mà lượt chạy của nó đã dùng để huấn luyện (theo bản ghi lượt chạy).</translation>
    </message>
    <message>
        <source>Read from {folder}, the image folder chosen on the Train page (the model&apos;s file does not say where it was trained).</source>
        <translation>Đọc từ {folder}, thư mục ảnh được chọn ở trang Huấn luyện (tệp của mô hình không ghi nó được huấn luyện ở đâu).</translation>
    </message>
    <message>
        <source>Read from {folder}.</source>
        <translation>Đọc từ {folder}.</translation>
    </message>
    <message>
        <source>The model never trained on these images: training held them out.</source>
        <translation>Mô hình chưa từng được huấn luyện trên các ảnh này: quá trình huấn luyện đã giữ riêng chúng.</translation>
    </message>
</context>
<context>
    <name>InputPreview</name>
    <message>
        <source>Exactly what the network receives: your drawing cropped, scaled to 28×28 and centred like the training images. Each square is one input pixel.</source>
        <translation>Đúng những gì mạng nhận được: hình bạn vẽ được cắt, thu về 28×28 và căn giữa như các ảnh huấn luyện. Mỗi ô vuông là một điểm ảnh đầu vào.</translation>
    </message>
    <message>
        <source>nothing drawn</source>
        <translation>chưa vẽ gì</translation>
    </message>
</context>
<context>
    <name>InsideTrainingView</name>
    <message>
        <source>&lt;b&gt;Dead ReLU share&lt;/b&gt;: the share of a layer&apos;s ReLU units that gave 0 for every image of the batch measured, so they got no gradient and did not learn from it (not 0 for one image: for all of them). Healthy: low and not rising; near 1 the layer uses few of its units (often a learning rate too high).</source>
        <translation>&lt;b&gt;Tỉ lệ ReLU chết&lt;/b&gt;: tỉ lệ các nút ReLU của một tầng cho ra 0 với mọi ảnh của batch được đo, nên chúng không nhận gradient và không học được gì từ batch đó (không phải 0 với một ảnh, mà với tất cả). Tốt khi: thấp và không tăng; gần 1 thì tầng chỉ dùng rất ít nút của nó (thường do tốc độ học quá cao).</translation>
    </message>
    <message>
        <source>&lt;b&gt;First-layer weights&lt;/b&gt;: the first layer&apos;s first filters (a CNN: each square is one small filter; an MLP: one unit&apos;s 28×28 weights), red positive, blue negative, one row per epoch, ep 0 at the start. Healthy: the noise of ep 0 turns into strokes, edges or blobs; rows that stay noise mean the first layer learns little.</source>
        <translation>&lt;b&gt;Trọng số tầng đầu&lt;/b&gt;: các bộ lọc đầu tiên của tầng đầu (CNN: mỗi ô là một bộ lọc nhỏ; MLP: 28×28&#xa0;trọng số của một nút), đỏ là dương, xanh là âm, mỗi hàng một epoch, epoch 0 là lúc đầu. Tốt khi: vẻ nhiễu ở epoch 0 dần thành nét, cạnh hay mảng; các hàng vẫn chỉ là nhiễu nghĩa là tầng đầu học được ít.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gradient norm&lt;/b&gt;: how hard the loss pushes on each layer&apos;s weights (the size of their gradient), every few batches. Healthy: it falls a little, then stays level. Growing fast: the run is blowing up; near 0 in the first layers: they have stopped learning.</source>
        <translation>&lt;b&gt;Chuẩn của gradient&lt;/b&gt;: mất mát đẩy trọng số của mỗi tầng mạnh đến đâu (độ lớn gradient của chúng), đo sau mỗi vài batch. Tốt khi: giảm một chút rồi đi ngang. Tăng nhanh: lượt chạy đang phân kỳ; gần 0 ở các tầng đầu: chúng đã ngừng học.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Update / weight&lt;/b&gt;: how much one step changes a layer&apos;s weights, as a share of their size. Healthy: near the dotted line, 10⁻³ (a thousandth per step). Far above it (10⁻¹): the learning rate is too high; far below (10⁻⁵): the layer hardly learns.</source>
        <translation>&lt;b&gt;Cập nhật / trọng số&lt;/b&gt;: một bước thay đổi trọng số của một tầng bao nhiêu, tính theo tỉ lệ với độ lớn của chúng. Tốt khi: gần đường chấm chấm, 10⁻³ (một phần nghìn mỗi bước). Cao hơn nhiều (10⁻¹): tốc độ học quá cao; thấp hơn nhiều (10⁻⁵): tầng gần như không học.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Weights: now vs start&lt;/b&gt;: how each layer&apos;s weights are spread (a histogram, each layer on its own row and scale): solid now, dashed grey at the start. Healthy: they spread out slowly from the start; the dashed line on the solid one means they have hardly moved yet; a few huge weights, or all squeezed to 0, are a warning.</source>
        <translation>&lt;b&gt;Trọng số: hiện tại và lúc đầu&lt;/b&gt;: trọng số của mỗi tầng phân bố ra sao (một biểu đồ tần suất, mỗi tầng một hàng với thang đo riêng): nét liền là hiện tại, nét đứt màu xám là lúc đầu. Tốt khi: chúng dãn ra từ từ so với lúc đầu; nét đứt nằm trùng nét liền nghĩa là chúng hầu như chưa đổi; vài trọng số rất lớn, hoặc tất cả dồn về 0, là dấu hiệu đáng lo.</translation>
    </message>
    <message>
        <source>As of epoch {epoch}</source>
        <extracomment>... without the batches per epoch (not known): the epoch alone</extracomment>
        <translation>Tính đến epoch {epoch}</translation>
    </message>
    <message>
        <source>As of epoch {epoch}, batch {batch}</source>
        <translation>Tính đến epoch {epoch}, batch {batch}</translation>
    </message>
    <message>
        <source>As of epoch {epoch}, batch {batch} of {batches}: redrawn every few seconds while the run trains</source>
        <extracomment>A picture of a run still training: where it is as of, and that it is redrawn (the short one where the line has no room; the long one is its tooltip)</extracomment>
        <translation>Tính đến epoch {epoch}, batch {batch} trên {batches}: vẽ lại vài giây một lần trong lúc huấn luyện</translation>
    </message>
    <message>
        <source>Before the first measured batch: the weights as they started</source>
        <extracomment>A picture drawn before the first measured batch: the layers and their starting weights</extracomment>
        <translation>Trước batch đầu tiên được đo: trọng số lúc bắt đầu</translation>
    </message>
    <message>
        <source>Drawing the charts…</source>
        <translation>Đang vẽ các biểu đồ…</translation>
    </message>
    <message>
        <source>Drawing the charts… (the first picture can take a minute on a busy computer)</source>
        <translation>Đang vẽ các biểu đồ… (trên một máy tính đang bận, hình đầu tiên có thể mất một phút)</translation>
    </message>
    <message>
        <source>Few dead units.</source>
        <translation>Ít nút chết.</translation>
    </message>
    <message>
        <source>Gradient norms grew {times:.0f}× at the end ({name}): the run is blowing up.</source>
        <translation>Chuẩn gradient tăng {times:.0f}&#xa0;lần ở cuối ({name}): lượt chạy đang bùng nổ.</translation>
    </message>
    <message>
        <source>Gradient norms level.</source>
        <translation>Chuẩn gradient đi ngang.</translation>
    </message>
    <message>
        <source>Healthy looks like: level gradient norms, updates near the dotted 10⁻³, few dead units.</source>
        <extracomment>said with no measurement to read (no run, or before its first sampled batch)</extracomment>
        <translation>Tốt khi: chuẩn gradient đi ngang, cập nhật gần đường chấm 10⁻³, ít nút chết.</translation>
    </message>
    <message>
        <source>Point at a chart to read its own note.</source>
        <extracomment>Closes the full text: the same notes one chart at a time.</extracomment>
        <translation>Trỏ chuột vào một biểu đồ để đọc ghi chú riêng của nó.</translation>
    </message>
    <message>
        <source>Start a run to see inside the network while it learns: charts of each layer&apos;s gradients, update sizes, dead units and weights come here, redrawn as it trains.</source>
        <translation>Hãy bắt đầu một lần huấn luyện để xem bên trong mạng khi nó học: các biểu đồ gradient, độ lớn cập nhật, số nút chết và trọng số của từng tầng sẽ hiện ở đây, vẽ lại trong khi mạng học.</translation>
    </message>
    <message>
        <source>The gradient norm of {name} fell to near 0 at the end: it has stopped learning.</source>
        <translation>Chuẩn gradient của {name} giảm về gần 0 ở cuối: tầng đó đã ngừng học.</translation>
    </message>
    <message>
        <source>The newest gradient norms are not numbers: the run blew up.</source>
        <translation>Chuẩn gradient mới nhất không còn là số: lượt chạy đã bùng nổ.</translation>
    </message>
    <message>
        <source>The run diverged: the right end of the charts is its blow-up.</source>
        <translation>Lượt chạy đã phân kỳ: phía bên phải của các biểu đồ là lúc nó bùng nổ.</translation>
    </message>
    <message>
        <source>The whole run, measured up to epoch {epoch}, batch {batch} of {batches}</source>
        <extracomment>A picture of a run that has ended: the whole run (measured: the last batch sampled is rarely the run&apos;s last batch, 431 where it stopped at 434)</extracomment>
        <translation>Cả lần huấn luyện, đo đến epoch {epoch}, batch {batch} trên {batches}</translation>
    </message>
    <message>
        <source>The whole run, to epoch {epoch}</source>
        <translation>Cả lần huấn luyện, đến epoch {epoch}</translation>
    </message>
    <message>
        <source>These charts look healthy: level gradient norms, updates near the dotted 10⁻³, few dead units.</source>
        <translation>Các biểu đồ này trông tốt: chuẩn gradient đi ngang, cập nhật gần đường chấm 10⁻³, ít nút chết.</translation>
    </message>
    <message>
        <source>Updates near the dotted 10⁻³.</source>
        <translation>Cập nhật gần đường chấm 10⁻³.</translation>
    </message>
    <message>
        <source>Updates of {name} are 0: its weights no longer move.</source>
        <translation>Cập nhật của {name} bằng 0: trọng số của nó không còn thay đổi.</translation>
    </message>
    <message>
        <source>Updates of {name} are {times:,.0f}× smaller than the dotted 10⁻³: it hardly learns.</source>
        <translation>Cập nhật của {name} nhỏ hơn đường chấm 10⁻³ {times:,.0f}&#xa0;lần: tầng gần như không học.</translation>
    </message>
    <message>
        <source>Updates of {name} are {times:,.0f}× the dotted 10⁻³: usual for full-batch gradient descent, whose one step an epoch moves the weights as far as a whole epoch of mini-batch steps (the dotted line is theirs).</source>
        <translation>Cập nhật của {name} gấp {times:,.0f}&#xa0;lần đường chấm 10⁻³: bình thường với hạ gradient trên toàn bộ tập huấn luyện (full batch), vì mỗi epoch chỉ một bước, dịch trọng số xa bằng cả một epoch gồm nhiều bước theo lô nhỏ (đường chấm là của chúng).</translation>
    </message>
    <message>
        <source>Updates of {name} are {times:,.0f}× the dotted 10⁻³: very large steps.</source>
        <translation>Cập nhật của {name} gấp {times:,.0f}&#xa0;lần đường chấm 10⁻³: những bước rất lớn.</translation>
    </message>
    <message>
        <source>Waiting for the run&apos;s first measurements…</source>
        <translation>Đang chờ những số đo đầu tiên của lần huấn luyện…</translation>
    </message>
    <message>
        <source>What do these charts show?</source>
        <translation>Các biểu đồ này cho thấy gì?</translation>
    </message>
    <message>
        <source>What each chart measures and what a healthy value looks like</source>
        <translation>Mỗi biểu đồ đo gì và giá trị thế nào là tốt</translation>
    </message>
    <message>
        <source>{share:.0%} of the units after {name} are dead: many, but while the run learns the coach counts them a problem only from {most:.0%} ({least:.0%} once it stops learning).</source>
        <translation>{share:.0%} số nút sau {name} đã chết: nhiều, nhưng khi lượt chạy còn học thì trợ lý chỉ coi đó là vấn đề từ {most:.0%} ({least:.0%} khi nó ngừng học).</translation>
    </message>
    <message>
        <source>{share:.0%} of the units after {name} are dead: many, in a run that has stopped learning (the coach counts them a problem from {least:.0%}).</source>
        <translation>{share:.0%} số nút sau {name} đã chết: nhiều, trong một lượt chạy đã ngừng học (trợ lý coi đó là vấn đề từ {least:.0%}).</translation>
    </message>
    <message>
        <source>{share:.0%} of the units after {name} are dead: too many; a lower learning rate or leaky ReLU keeps them alive.</source>
        <translation>{share:.0%} số nút sau {name} đã chết: quá nhiều; tốc độ học thấp hơn hoặc Leaky ReLU giữ chúng hoạt động.</translation>
    </message>
    <message>
        <source>{share:.0%} of the units after {name} were dead at the end.</source>
        <translation>{share:.0%} số nút sau {name} đã chết ở cuối.</translation>
    </message>
</context>
<context>
    <name>InsideView</name>
    <message>
        <source> (input channel {c} of {n}, the largest share)</source>
        <translation> (kênh đầu vào {c} trong {n}, phần đóng góp lớn nhất)</translation>
    </message>
    <message>
        <source> + ({n} smaller terms: {sum})</source>
        <translation> + ({n}&#xa0;số hạng nhỏ hơn: {sum})</translation>
    </message>
    <message>
        <source>+ {more} more</source>
        <translation>+ {more}&#xa0;nút nữa</translation>
    </message>
    <message>
        <source>&lt;b&gt;Input, pixel ({row}, {col})&lt;/b&gt;</source>
        <translation>&lt;b&gt;Đầu vào, điểm ({row}, {col})&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}, map {channel}, pixel ({row}, {col})&lt;/b&gt;</source>
        <translation>&lt;b&gt;{layer}, bản đồ {channel}, điểm ({row}, {col})&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{layer}, {who}&lt;/b&gt; ({kind})</source>
        <translation>&lt;b&gt;{layer}, {who}&lt;/b&gt; ({kind})</translation>
    </message>
    <message>
        <source>= products</source>
        <translation>= tích</translation>
    </message>
    <message>
        <source>Arithmetic</source>
        <translation>Phép tính</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Click a unit or a feature-map pixel to see its arithmetic.</source>
        <translation>Bấm vào một nút hoặc một điểm của bản đồ đặc trưng để xem phép tính của nó.</translation>
    </message>
    <message>
        <source>Draw something to see inside</source>
        <translation>Hãy vẽ gì đó để nhìn vào bên trong</translation>
    </message>
    <message>
        <source>Draw something: this page shows every layer of the network on it.</source>
        <translation>Hãy vẽ gì đó: trang này cho thấy mọi tầng của mạng trên hình đó.</translation>
    </message>
    <message>
        <source>Drawing the diagram…</source>
        <translation>Đang vẽ sơ đồ…</translation>
    </message>
    <message>
        <source>Hidden {k} ({size})</source>
        <translation>Ẩn {k} ({size})</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Đầu vào</translation>
    </message>
    <message>
        <source>Input 28×28</source>
        <translation>Đầu vào 28×28</translation>
    </message>
    <message>
        <source>It acts on each value alone: it reads {value} at the same place of {source} (outlined; click it there for how that value was made)</source>
        <translation>Tầng này tác động lên từng giá trị riêng lẻ: nó đọc {value} ở cùng vị trí của {source} (được viền; nhấp vào đó để xem giá trị ấy được tính ra sao)</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Đầu ra</translation>
    </message>
    <message>
        <source>Output (raw sigmoid)</source>
        <translation>Đầu ra (sigmoid gốc)</translation>
    </message>
    <message>
        <source>Output (raw softmax)</source>
        <translation>Đầu ra (softmax gốc)</translation>
    </message>
    <message>
        <source>Output: sigmoid → calibrated</source>
        <translation>Đầu ra: sigmoid → đã hiệu chỉnh</translation>
    </message>
    <message>
        <source>Output: sigmoid, calibrated</source>
        <translation>Đầu ra: sigmoid, đã hiệu chỉnh</translation>
    </message>
    <message>
        <source>Output: softmax → calibrated</source>
        <translation>Đầu ra: softmax → đã hiệu chỉnh</translation>
    </message>
    <message>
        <source>Output: softmax, calibrated</source>
        <translation>Đầu ra: softmax, đã hiệu chỉnh</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Các đầu ra</translation>
    </message>
    <message>
        <source>Reading the drawing…</source>
        <translation>Đang đọc hình vẽ…</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Sigmoid temperature</source>
        <translation>Nhiệt độ sigmoid</translation>
    </message>
    <message>
        <source>Sigmoid temperature: divides the logits; the model is unchanged</source>
        <translation>Nhiệt độ sigmoid: chia các logit; mô hình không bị thay đổi</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>Softmax temperature</source>
        <translation>Nhiệt độ softmax</translation>
    </message>
    <message>
        <source>Softmax temperature: divides the logits; the model is unchanged</source>
        <translation>Nhiệt độ softmax: chia các logit; mô hình không bị thay đổi</translation>
    </message>
    <message>
        <source>T &amp;lt; 1 sharpens, T &amp;gt; 1 flattens.</source>
        <translation>T &amp;lt; 1 làm nhọn, T &amp;gt; 1 làm phẳng.</translation>
    </message>
    <message>
        <source>T = 1 gives the network&apos;s own scores; the last column divides the logits by the calibrated T = {t} instead, as the side panel&apos;s bars do. </source>
        <translation>T = 1 cho điểm của chính mạng; cột cuối chia các logit cho T đã hiệu chỉnh = {t}, như các thanh ở khung bên. </translation>
    </message>
    <message>
        <source>T = 1 gives the network&apos;s softmax p; the last column divides the logits by the calibrated T = {t} instead, as the side panel&apos;s bars do. </source>
        <translation>T = 1 cho softmax p của mạng; cột cuối chia các logit cho T đã hiệu chỉnh = {t}, như các thanh ở khung bên. </translation>
    </message>
    <message>
        <source>T = 1 is what the model answers. </source>
        <translation>T = 1 là câu trả lời thật của mô hình. </translation>
    </message>
    <message>
        <source>The model is unchanged; </source>
        <translation>Mô hình không bị thay đổi; </translation>
    </message>
    <message>
        <source>Then {layer} ({kind}) keeps the largest of each {size}×{size} window: {verdict}</source>
        <translation>Sau đó {layer} ({kind}) giữ giá trị lớn nhất của mỗi cửa sổ {size}×{size}: {verdict}</translation>
    </message>
    <message>
        <source>This is a logit: the network&apos;s sigmoid makes it this class&apos;s own score, σ({z}) = {p}, whatever the other classes score (the sigmoid panel).</source>
        <translation>Đây là một logit: hàm sigmoid của mạng biến nó thành điểm riêng của lớp này, σ({z}) = {p}, bất kể các lớp khác được bao nhiêu điểm (xem bảng sigmoid).</translation>
    </message>
    <message>
        <source>This is a logit: the softmax panel turns the logits into probabilities.</source>
        <translation>Đây là một logit: bảng softmax biến các logit thành xác suất.</translation>
    </message>
    <message>
        <source>This is the network&apos;s output for this class as it is (a linear output): the largest output answers.</source>
        <translation>Đây là đầu ra của mạng cho lớp này, giữ nguyên (đầu ra tuyến tính): đầu ra lớn nhất là câu trả lời.</translation>
    </message>
    <message>
        <source>This network ends in a sigmoid: σ(z/T) = 1 / (1 + e^(−z/T)) scores each class on its own, nothing is divided by a sum, so the scores need not add up to 100% (here they add up to {total}). </source>
        <translation>Mạng này kết thúc bằng sigmoid: σ(z/T) = 1 / (1 + e^(−z/T)) chấm điểm từng lớp riêng, không chia cho tổng nào, nên các điểm không cần cộng lại thành 100% (ở đây tổng là {total}). </translation>
    </message>
    <message>
        <source>This network&apos;s output is linear: no softmax, no sigmoid; its answer is the class with the largest output.</source>
        <translation>Đầu ra của mạng này là tuyến tính: không softmax, không sigmoid; câu trả lời là lớp có đầu ra lớn nhất.</translation>
    </message>
    <message>
        <source>calibrated (T = {t})</source>
        <translation>đã hiệu chỉnh (T = {t})</translation>
    </message>
    <message>
        <source>each column is a layer, each circle a unit coloured by its activation (red positive, blue negative); lines are the strongest weight × input. Click a unit for its arithmetic.</source>
        <translation>mỗi cột là một tầng, mỗi vòng tròn là một nút được tô màu theo mức kích hoạt (đỏ dương, xanh âm); các đường là tích trọng số × đầu vào mạnh nhất. Bấm vào một nút để xem phép tính của nó.</translation>
    </message>
    <message>
        <source>every channel of every layer on your drawing (red positive, blue negative), then the dense layers. Click a unit or a feature-map pixel for its arithmetic.</source>
        <translation>mọi kênh của mọi tầng trên hình bạn vẽ (đỏ dương, xanh âm), rồi các tầng kết nối đầy đủ. Bấm vào một nút hoặc một điểm của bản đồ đặc trưng để xem phép tính của nó.</translation>
    </message>
    <message>
        <source>exp = e^(z/T − max z/T), p = exp / Σ exp; here Σ exp = {total}. </source>
        <translation>exp = e^(z/T − max z/T), p = exp / Σ exp; ở đây Σ exp = {total}. </translation>
    </message>
    <message>
        <source>input patch</source>
        <translation>mảng đầu vào</translation>
    </message>
    <message>
        <source>its weights ({size})</source>
        <translation>trọng số của nút ({size})</translation>
    </message>
    <message>
        <source>logits -&gt; each class&apos;s own score, with a temperature</source>
        <translation>logit -&gt; điểm riêng của từng lớp, với một nhiệt độ</translation>
    </message>
    <message>
        <source>logits -&gt; exp -&gt; probabilities, with a temperature</source>
        <translation>logit -&gt; exp -&gt; xác suất, với một nhiệt độ</translation>
    </message>
    <message>
        <source>max = &lt;b&gt;{value}&lt;/b&gt;: the input at ({row}, {col}) won (bold, outlined)</source>
        <translation>max = &lt;b&gt;{value}&lt;/b&gt;: đầu vào tại ({row}, {col}) thắng (in đậm, có viền)</translation>
    </message>
    <message>
        <source>output</source>
        <translation>đầu ra</translation>
    </message>
    <message>
        <source>the arithmetic of the unit or pixel you clicked</source>
        <translation>phép tính của nút hoặc điểm ảnh bạn vừa nhấp</translation>
    </message>
    <message>
        <source>the network&apos;s outputs as they are (a linear output)</source>
        <translation>các đầu ra của mạng, giữ nguyên (đầu ra tuyến tính)</translation>
    </message>
    <message>
        <source>the {h}×{w} window it reads:</source>
        <translation>cửa sổ {h}×{w} mà nó đọc:</translation>
    </message>
    <message>
        <source>this pixel &lt;b&gt;won&lt;/b&gt; its window and passes on</source>
        <translation>điểm này &lt;b&gt;thắng&lt;/b&gt; trong cửa sổ của nó và được chuyển tiếp</translation>
    </message>
    <message>
        <source>this pixel lost to ({row}, {col}) = {value}</source>
        <translation>điểm này thua ({row}, {col}) = {value}</translation>
    </message>
    <message>
        <source>unit {unit}</source>
        <translation>nút {unit}</translation>
    </message>
    <message>
        <source>z = Σ patch·kernel + b</source>
        <translation>z = Σ mảng·nhân chập + b</translation>
    </message>
    <message>
        <source>z = Σ w·a + b over {n} inputs</source>
        <translation>z = Σ w·a + b trên {n} đầu vào</translation>
    </message>
    <message>
        <source>{layer} filters (3×3 kernels)</source>
        <translation>Bộ lọc của {layer} (nhân chập (kernel) 3×3)</translation>
    </message>
    <message>
        <source>{n} values</source>
        <translation>{n} giá trị</translation>
    </message>
    <message>
        <source>× kernel</source>
        <translation>× nhân chập</translation>
    </message>
    <message>
        <source>Σ over channel {c}: {sum}; the other {n} channels add {rest}</source>
        <translation>Σ trên kênh {c}: {sum}; {n}&#xa0;kênh còn lại cộng thêm {rest}</translation>
    </message>
</context>
<context>
    <name>LabView</name>
    <message>
        <source>A copy of {name}, scored on {n} test images.</source>
        <translation>Một bản sao của {name}, chấm điểm trên {n}&#xa0;ảnh kiểm tra.</translation>
    </message>
    <message>
        <source>Add Gaussian noise to every weight, as a share of its layer&apos;s spread</source>
        <translation>Thêm nhiễu Gauss vào mọi trọng số (weight), theo tỉ lệ độ phân tán của tầng (layer) đó</translation>
    </message>
    <message>
        <source>Add to every bias of this layer</source>
        <translation>Cộng vào mọi bias (hệ số điều chỉnh) của tầng (layer) này</translation>
    </message>
    <message>
        <source>Average loss over the test images: lower is better</source>
        <translation>Mất mát trung bình trên các ảnh kiểm tra: càng thấp càng tốt</translation>
    </message>
    <message>
        <source>Divide the outputs by this before the network&apos;s softmax or sigmoid (1: the raw network)</source>
        <translation>Chia đầu ra cho số này trước softmax hoặc sigmoid của mạng (1: mạng gốc)</translation>
    </message>
    <message>
        <source>Expected calibration error: how far the model&apos;s confidence is from how often it is right (answers grouped into {bins} bins by confidence); 0 is perfect</source>
        <translation>Sai số hiệu chỉnh kỳ vọng (expected calibration error): độ tự tin của mô hình lệch bao xa so với tần suất nó trả lời đúng (các câu trả lời được nhóm thành {bins}&#xa0;khoảng theo độ tự tin); 0 là hoàn hảo</translation>
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
        <source>Scored in {seconds} s. The original is never changed.</source>
        <translation>Chấm điểm trong {seconds}&#xa0;giây. Bản gốc không bao giờ bị thay đổi.</translation>
    </message>
    <message>
        <source>Scoring {name} on the test images for the lab…</source>
        <translation>Đang chấm {name} trên ảnh kiểm tra cho trang Thí nghiệm…</translation>
    </message>
    <message>
        <source>Set the smallest weights of the whole network to zero</source>
        <translation>Đặt các trọng số (weight) nhỏ nhất của cả mạng về 0</translation>
    </message>
    <message>
        <source>Share of the test images answered right</source>
        <translation>Tỉ lệ ảnh kiểm tra được trả lời đúng</translation>
    </message>
    <message>
        <source>Shift biases +</source>
        <translation>Cộng vào bias (hệ số điều chỉnh) +</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Nhiệt độ</translation>
    </message>
    <message>
        <source>Test images answered wrong with a calibrated probability of {share} or more: the threshold the canvas calls &quot;Not sure below&quot;, shared with Evaluate and Mistakes</source>
        <translation>Ảnh kiểm tra bị trả lời sai với xác suất (đã hiệu chỉnh) từ {share} trở lên: ngưỡng mà khung vẽ gọi là &quot;Chưa chắc dưới&quot;, dùng chung với trang Đánh giá và Đoán sai</translation>
    </message>
    <message>
        <source>The lab scores the model on its test images: get them first.</source>
        <translation>Trang Thí nghiệm chấm mô hình trên ảnh kiểm tra của nó: hãy lấy các ảnh đó trước.</translation>
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
        <source>Units can be switched off only in a hidden dense layer: choose one in Layer (a convolution has channels, the output layer&apos;s units are the classes)</source>
        <translation>Chỉ tắt được nút trong một tầng ẩn kết nối đầy đủ: hãy chọn một tầng như vậy ở ô Tầng (tầng tích chập có các kênh, còn các nút của tầng đầu ra là các lớp)</translation>
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
        <source>calibration error (ECE)</source>
        <translation>sai số hiệu chỉnh (ECE)</translation>
    </message>
    <message>
        <source>confident mistakes (≥ {share})</source>
        <translation>lỗi phân loại tự tin (≥ {share})</translation>
    </message>
    <message>
        <source>e.g. 0, 5, 10-20</source>
        <translation>ví dụ 0; 5; 10-20</translation>
    </message>
    <message>
        <source>last valid edit</source>
        <translation>lần sửa hợp lệ cuối</translation>
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
        <source>only a hidden dense layer has units to switch off</source>
        <translation>chỉ tầng ẩn kết nối đầy đủ mới có nút để tắt</translation>
    </message>
    <message>
        <source>original</source>
        <translation>gốc</translation>
    </message>
    <message>
        <source>{part!r:.20} is not a unit number or range</source>
        <translation>{part!r:.20} không phải là số thứ tự nút hay một khoảng</translation>
    </message>
    <message>
        <source>{part!r:.20}: units are 0..{last}</source>
        <translation>{part!r:.20}: các nút được đánh số từ 0 đến {last}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>A race is running on the Train page: switching the language now would end it and lose its curves. Stop the race (its results stay through the switch), then choose the language again.</source>
        <translation>Một cuộc đua đang chạy ở trang Huấn luyện: đổi ngôn ngữ bây giờ sẽ kết thúc nó và mất các đường cong của nó. Hãy dừng cuộc đua (kết quả của nó được giữ qua lần đổi) rồi chọn lại ngôn ngữ.</translation>
    </message>
    <message>
        <source>A training run is in progress: switching the language now would end it. Stop the run (its model is saved), then choose the language again.</source>
        <translation>Một lượt huấn luyện đang chạy: đổi ngôn ngữ bây giờ sẽ kết thúc nó. Hãy dừng lượt chạy (mô hình của nó được lưu) rồi chọn lại ngôn ngữ.</translation>
    </message>
    <message>
        <source>At next start</source>
        <translation>Từ lần khởi động sau</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Switch now</source>
        <translation>Chuyển ngay</translation>
    </message>
    <message>
        <source>Switch the window to the new language now? Your drawing, the model in use, the mode, the page, the Train page&apos;s last run and its finished race stay as they are.</source>
        <translation>Chuyển cửa sổ sang ngôn ngữ mới ngay bây giờ? Hình vẽ, mô hình đang dùng, chế độ, trang đang mở, lượt chạy cuối và cuộc đua đã xong của trang Huấn luyện được giữ nguyên.</translation>
    </message>
    <message>
        <source>The Lab page&apos;s edits are not saved: they start again from the original network (Save as new model keeps them).</source>
        <translation>Các chỉnh sửa ở trang Thí nghiệm chưa được lưu: chúng bắt đầu lại từ mạng gốc (“Lưu thành mô hình mới” giữ chúng lại).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source> Mode: </source>
        <translation> Chế độ: </translation>
    </message>
    <message>
        <source> Model: </source>
        <translation> Mô hình: </translation>
    </message>
    <message>
        <source>&amp;About nndesk</source>
        <translation>&amp;Giới thiệu nndesk</translation>
    </message>
    <message>
        <source>&amp;Bigger pen</source>
        <translation>Bút t&amp;o hơn</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Xoá hết</translation>
    </message>
    <message>
        <source>&amp;Clothing (Fashion-MNIST)</source>
        <translation>&amp;Quần áo (Fashion-MNIST)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Tối</translation>
    </message>
    <message>
        <source>&amp;Data folder...</source>
        <translation>&amp;Thư mục dữ liệu...</translation>
    </message>
    <message>
        <source>&amp;Digits (MNIST)</source>
        <translation>&amp;Chữ số (MNIST)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>&amp;Tẩy</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Fill</source>
        <translation>Tô &amp;kín</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>Chữ &amp;lớn hơn</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Sáng</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Chế độ</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>Trang &amp;sau</translation>
    </message>
    <message>
        <source>&amp;Normal text</source>
        <translation>Chữ &amp;bình thường</translation>
    </message>
    <message>
        <source>&amp;Open image...</source>
        <translation>&amp;Mở ảnh...</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>&amp;Dán ảnh</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>Trang &amp;trước</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Th&amp;oát</translation>
    </message>
    <message>
        <source>&amp;Random test image</source>
        <translation>Ảnh kiểm tra &amp;ngẫu nhiên</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>&amp;Save model as...</source>
        <translation>&amp;Lưu mô hình thành...</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>Chữ &amp;nhỏ hơn</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Hệ thống</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>Ngôn ngữ của &amp;hệ thống</translation>
    </message>
    <message>
        <source>&amp;Test images</source>
        <translation>Ảnh &amp;kiểm tra</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Giao diện</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>(no model)</source>
        <translation>(không có mô hình)</translation>
    </message>
    <message>
        <source>&lt;b&gt;What the network sees&lt;/b&gt; (28×28)</source>
        <translation>&lt;b&gt;Mạng nơ-ron nhìn thấy gì&lt;/b&gt; (28×28)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Draw a digit or a garment and watch a neural network written from scratch in NumPy classify it, train it live, and browse its mistakes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Vẽ một chữ số hoặc một món đồ và xem một mạng nơ-ron viết từ đầu bằng NumPy phân loại nó; tự huấn luyện mạng và xem trực tiếp, rồi duyệt các lỗi phân loại của nó.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About nndesk</source>
        <translation>Giới thiệu nndesk</translation>
    </message>
    <message>
        <source>Back to the pen (leaves Fill and the eraser; never clears)</source>
        <translation>Quay lại bút (tắt Tô kín và Tẩy; không bao giờ xoá hình vẽ)</translation>
    </message>
    <message>
        <source>C&amp;opy drawing</source>
        <translation>&amp;Chép hình vẽ</translation>
    </message>
    <message>
        <source>Cannot save drawing</source>
        <translation>Không lưu được hình vẽ</translation>
    </message>
    <message>
        <source>Choose the folder holding the MNIST / Fashion-MNIST IDX files</source>
        <translation>Chọn thư mục chứa các tệp IDX của MNIST / Fashion-MNIST</translation>
    </message>
    <message>
        <source>Classify garments</source>
        <translation>Phân loại quần áo</translation>
    </message>
    <message>
        <source>Classify hand-written digits</source>
        <translation>Phân loại chữ số viết tay</translation>
    </message>
    <message>
        <source>Classify the image on the clipboard</source>
        <translation>Phân loại ảnh trong bộ nhớ tạm</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Xoá hết</translation>
    </message>
    <message>
        <source>Clear the canvas</source>
        <translation>Xoá khung vẽ</translation>
    </message>
    <message>
        <source>Clear the canvas (Del on the canvas)</source>
        <translation>Xoá khung vẽ (Del trên khung vẽ)</translation>
    </message>
    <message>
        <source>Clear the canvas (when the canvas has the focus)</source>
        <translation>Xoá khung vẽ (khi khung vẽ đang được chọn)</translation>
    </message>
    <message>
        <source>Click any control to read what it does (Shift+F1)</source>
        <translation>Bấm vào một điều khiển bất kỳ để đọc nó làm gì (Shift+F1)</translation>
    </message>
    <message>
        <source>Click inside an outline to fill it; on until F or Esc</source>
        <translation>Bấm vào trong một đường viền để tô kín; bật cho đến khi bấm F hoặc Esc</translation>
    </message>
    <message>
        <source>Clothing (Fashion-MNIST)</source>
        <translation>Quần áo (Fashion-MNIST)</translation>
    </message>
    <message>
        <source>Clothing models (switches to Clothing)</source>
        <translation>Mô hình quần áo (chuyển sang chế độ Quần áo)</translation>
    </message>
    <message>
        <source>Coat or pullover? An opening (erased neck to hem) reads Shirt; two small pockets lean it to Coat.</source>
        <translation>Áo khoác hay áo len chui đầu? Đường mở (tẩy từ cổ xuống gấu) ra Áo sơ mi; thêm hai túi nhỏ thì nghiêng về Áo khoác.</translation>
    </message>
    <message>
        <source>Coat or pullover? Draw it as an outline instead (no Fill), with V lapels at the neck and two pocket boxes: they read Coat. The marks erased on it have not settled it.</source>
        <translation>Áo khoác hay áo len chui đầu? Hãy vẽ lại bằng đường viền (không Tô kín), có ve áo hình chữ V ở cổ và hai ô túi, thì ra Áo khoác. Những nét đã tẩy trên áo chưa đủ để phân định.</translation>
    </message>
    <message>
        <source>Coat or pullover? On an outline, V lapels at the neck over a line down the front and two pocket boxes read Coat.</source>
        <translation>Áo khoác hay áo len chui đầu? Trên hình vẽ đường viền, ve áo hình chữ V ở cổ nối với một đường dọc thân trước và hai ô túi thì ra Áo khoác.</translation>
    </message>
    <message>
        <source>Coat or shirt? Draw it as an outline instead (no Fill), with V lapels at the neck and two pocket boxes: they read Coat. The marks erased on it have not settled it.</source>
        <translation>Áo khoác hay áo sơ mi? Hãy vẽ lại bằng đường viền (không Tô kín), có ve áo hình chữ V ở cổ và hai ô túi, thì ra Áo khoác. Những nét đã tẩy trên áo chưa đủ để phân định.</translation>
    </message>
    <message>
        <source>Coat or shirt? On an outline, V lapels at the neck, a line down the front and two pocket boxes lean it to Coat; a drawing tells them apart poorly.</source>
        <translation>Áo khoác hay áo sơ mi? Trên hình vẽ đường viền, ve áo hình chữ V ở cổ, một đường dọc thân trước và hai ô túi thì câu trả lời nghiêng về Áo khoác; hình vẽ khó phân biệt.</translation>
    </message>
    <message>
        <source>Coat or shirt? Two small pockets erased on it lean it to Coat; a drawing tells them apart poorly.</source>
        <translation>Áo khoác hay áo sơ mi? Tẩy hai túi nhỏ trên áo thì câu trả lời nghiêng về Áo khoác; hình vẽ khó phân biệt.</translation>
    </message>
    <message>
        <source>Colour the pixels by how much they pushed the answer: red for, blue against (S)</source>
        <translation>Tô màu điểm ảnh theo mức chúng đẩy câu trả lời: đỏ là ủng hộ, xanh là chống lại (S)</translation>
    </message>
    <message>
        <source>Colour the preview by each pixel&apos;s push towards the answer</source>
        <translation>Tô màu ảnh xem trước theo mức mỗi điểm ảnh đẩy về phía câu trả lời</translation>
    </message>
    <message>
        <source>Dark text on a light background</source>
        <translation>Chữ tối trên nền sáng</translation>
    </message>
    <message>
        <source>Data folder and classroom mirror</source>
        <translation>Thư mục dữ liệu và nguồn tải của lớp học</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Dữ liệu</translation>
    </message>
    <message>
        <source>Digit models (switches to Digits)</source>
        <translation>Mô hình chữ số (chuyển sang chế độ Chữ số)</translation>
    </message>
    <message>
        <source>Digits (MNIST)</source>
        <translation>Chữ số (MNIST)</translation>
    </message>
    <message>
        <source>Draw a T-shirt, trouser, bag, shoe...</source>
        <translation>Vẽ áo thun, quần dài, túi xách, giày...</translation>
    </message>
    <message>
        <source>Draw a digit 0-9</source>
        <translation>Vẽ một chữ số 0-9</translation>
    </message>
    <message>
        <source>Draw one of: {classes}</source>
        <translation>Vẽ một trong các lớp: {classes}</translation>
    </message>
    <message>
        <source>Draw something</source>
        <translation>Hãy vẽ gì đó</translation>
    </message>
    <message>
        <source>Draw with the mouse, a pen or a finger. Drop an image file here, or paste one with Ctrl+V. Del clears, Ctrl+Z undoes, Esc goes back to the pen.</source>
        <translation>Vẽ bằng chuột, bút hoặc ngón tay. Thả một tệp ảnh vào đây, hoặc dán bằng Ctrl+V. Del để xoá, Ctrl+Z để hoàn tác, Esc để quay lại bút.</translation>
    </message>
    <message>
        <source>Edit a copy of the network (units off, pruning, noise) and see what changes</source>
        <translation>Sửa một bản sao của mạng (tắt nút, cắt tỉa, nhiễu) và xem điều gì thay đổi</translation>
    </message>
    <message>
        <source>Erase instead of drawing</source>
        <translation>Tẩy thay vì vẽ</translation>
    </message>
    <message>
        <source>Erase instead of drawing (E)</source>
        <translation>Tẩy thay vì vẽ (E)</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>Tẩy</translation>
    </message>
    <message>
        <source>Eraser is on ({px} px; [ and ] size it): a drag erases (E or Esc: back to the pen)</source>
        <translation>Tẩy đang bật ({px} px; [ và ] đổi cỡ tẩy): kéo chuột để tẩy (E hoặc Esc: quay lại bút)</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <source>Every layer of the network on your drawing, and the arithmetic of any unit</source>
        <translation>Mọi tầng của mạng trên hình bạn vẽ, và phép tính của từng nút</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Tô kín</translation>
    </message>
    <message>
        <source>Fill is on, and there is nothing to fill yet: press F (or Fill) for the pen, draw an outline, then fill it</source>
        <translation>Tô kín đang bật mà chưa có gì để tô: bấm F (hoặc Tô kín) để dùng bút, vẽ một đường viền, rồi tô nó</translation>
    </message>
    <message>
        <source>Fill is on: a click inside an outline fills it (F or Esc: back to the pen)</source>
        <translation>Tô kín đang bật: bấm vào trong một đường viền để tô (F hoặc Esc: quay lại bút)</translation>
    </message>
    <message>
        <source>Fill would cover the whole canvas: click inside a closed outline</source>
        <translation>Tô kín sẽ phủ cả khung vẽ: hãy bấm vào bên trong một đường viền khép kín</translation>
    </message>
    <message>
        <source>Fill: click inside an outline to fill it; it stays on until F or Esc; undo with Ctrl+Z (F)</source>
        <translation>Tô kín: bấm vào trong một đường viền để tô; bật cho đến khi bấm F hoặc Esc; hoàn tác bằng Ctrl+Z (F)</translation>
    </message>
    <message>
        <source>Filled. Fill stays on: click inside another outline (F or Esc: back to the pen)</source>
        <translation>Đã tô. Tô kín vẫn bật: bấm vào trong đường viền khác (F hoặc Esc: quay lại bút)</translation>
    </message>
    <message>
        <source>Folder with the IDX files (or with mnist/ and fashion-mnist/ sub-folders)</source>
        <translation>Thư mục chứa các tệp IDX (hoặc các thư mục con mnist/ và fashion-mnist/)</translation>
    </message>
    <message>
        <source>Follow the look of the desktop</source>
        <translation>Theo giao diện của máy tính</translation>
    </message>
    <message>
        <source>From the &amp;lab</source>
        <translation>Từ bài &amp;lab</translation>
    </message>
    <message>
        <source>Image-folder models</source>
        <translation>Mô hình từ thư mục ảnh</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;All files (*)</source>
        <translation>Ảnh (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Index of an image of the test set, counted from 0 as nndesk and Python count (0-9999)</source>
        <translation>Chỉ số (index) của một ảnh trong tập kiểm tra, đếm từ 0 như nndesk và Python (0-9999)</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>Bên trong</translation>
    </message>
    <message>
        <source>Its accuracy on the 10,000 test images, as saved in the model file</source>
        <translation>Độ chính xác trên 10.000&#xa0;ảnh kiểm tra, như được lưu trong tệp mô hình</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>Thí nghiệm</translation>
    </message>
    <message>
        <source>Lab:</source>
        <translation>Bài lab:</translation>
    </message>
    <message>
        <source>Larger text is limited to what this screen holds</source>
        <extracomment>said once where the screen cannot hold the window at Larger text&apos;s own size (screen_text)</extracomment>
        <translation>Chữ lớn hơn chỉ lớn đến mức màn hình này chứa được</translation>
    </message>
    <message>
        <source>Light text on a dark background, charts included</source>
        <translation>Chữ sáng trên nền tối, kể cả biểu đồ</translation>
    </message>
    <message>
        <source>List every shortcut</source>
        <translation>Liệt kê mọi phím tắt</translation>
    </message>
    <message>
        <source>Load a model to get predictions</source>
        <translation>Nạp một mô hình để nhận dự đoán</translation>
    </message>
    <message>
        <source>Load a trained model file (.npz)</source>
        <translation>Nạp một tệp mô hình đã huấn luyện (.npz)</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <extracomment>what the prediction area, the status bar and the Model box say while the mode&apos;s model is read at start (the canvas takes strokes meanwhile)</extracomment>
        <translation>Đang nạp mô hình…</translation>
    </message>
    <message>
        <source>Make the pen bigger</source>
        <translation>Làm bút to hơn</translation>
    </message>
    <message>
        <source>Make the pen smaller</source>
        <translation>Làm bút nhỏ hơn</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Bản đồ</translation>
    </message>
    <message>
        <source>Mistakes</source>
        <translation>Đoán sai</translation>
    </message>
    <message>
        <source>Model: the network training now</source>
        <translation>Mô hình: mạng đang huấn luyện</translation>
    </message>
    <message>
        <source>Model: {title}</source>
        <translation>Mô hình: {title}</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Không có mô hình</translation>
    </message>
    <message>
        <source>No model loaded — File &gt; Open model or train one on the Train page</source>
        <translation>Chưa có mô hình — Tệp &gt; Mở mô hình, hoặc huấn luyện một mô hình ở trang Huấn luyện</translation>
    </message>
    <message>
        <source>Only a dot: the network enlarges it to a whole drawing&apos;s size, so this answer means little.</source>
        <extracomment>under the test-image row while the drawing is a dot or a dash (``preprocess.nearly_empty``)</extracomment>
        <translation>Chỉ một chấm: mạng phóng nó to bằng cả hình vẽ, nên câu trả lời này ít ý nghĩa.</translation>
    </message>
    <message>
        <source>Open &amp;model...</source>
        <translation>Mở mô &amp;hình...</translation>
    </message>
    <message>
        <source>Open an image file and classify it</source>
        <translation>Mở một tệp ảnh và phân loại nó</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>Mở ảnh</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>Mở mô hình</translation>
    </message>
    <message>
        <source>Open model...</source>
        <translation>Mở mô hình...</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>Bút</translation>
    </message>
    <message>
        <source>Pen size in canvas pixels; the eraser&apos;s own while it is on ([ and ] change it)</source>
        <translation>Cỡ bút tính bằng pixel của khung vẽ; khi bật tẩy thì là cỡ riêng của tẩy ([ và ] để đổi)</translation>
    </message>
    <message>
        <source>Prediction: {ms} ms</source>
        <translation>Dự đoán: {ms}&#xa0;ms</translation>
    </message>
    <message>
        <source>Put a random test image on the canvas</source>
        <translation>Đặt một ảnh kiểm tra ngẫu nhiên lên khung vẽ</translation>
    </message>
    <message>
        <source>Put a random test image on the canvas (Ctrl+R)</source>
        <translation>Đặt một ảnh kiểm tra ngẫu nhiên lên khung vẽ (Ctrl+R)</translation>
    </message>
    <message>
        <source>Put test image {index} on the canvas</source>
        <translation>Đặt ảnh kiểm tra {index} lên khung vẽ</translation>
    </message>
    <message>
        <source>Put the drawing on the clipboard as an image</source>
        <translation>Đặt hình vẽ vào bộ nhớ tạm dưới dạng ảnh</translation>
    </message>
    <message>
        <source>Put the test image with the chosen index on the canvas</source>
        <translation>Đặt ảnh kiểm tra có chỉ số đã chọn lên khung vẽ</translation>
    </message>
    <message>
        <source>Put this test image on the canvas, with its true label (Ctrl+T)</source>
        <translation>Đặt ảnh kiểm tra này lên khung vẽ, kèm nhãn đúng của nó (Ctrl+T)</translation>
    </message>
    <message>
        <source>Put {dataset} test image {index} on the canvas (the {dataset} lab asks about it)</source>
        <translation>Đặt ảnh kiểm tra {index} của {dataset} lên khung vẽ (bài lab {dataset} hỏi về ảnh này)</translation>
    </message>
    <message>
        <source>Quit nndesk</source>
        <translation>Thoát nndesk</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>Ngẫu nhiên</translation>
    </message>
    <message>
        <source>Rec&amp;ent models</source>
        <translation>Mô hình &amp;gần đây</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Làm lại (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>S&amp;maller pen</source>
        <translation>Bút &amp;nhỏ hơn</translation>
    </message>
    <message>
        <source>Saliency &amp;overlay</source>
        <translation>Phủ &amp;bản đồ nổi bật</translation>
    </message>
    <message>
        <source>Saliency overlay</source>
        <translation>Phủ bản đồ nổi bật</translation>
    </message>
    <message>
        <source>Save dra&amp;wing as...</source>
        <translation>Lưu hình &amp;vẽ thành...</translation>
    </message>
    <message>
        <source>Save drawing</source>
        <translation>Lưu hình vẽ</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>Lưu mô hình</translation>
    </message>
    <message>
        <source>Save the drawing as a PNG file (nndesk predict and Open image read it back)</source>
        <translation>Lưu hình vẽ thành tệp PNG (nndesk predict và Mở ảnh đọc lại được nó)</translation>
    </message>
    <message>
        <source>Save the model in use to a file</source>
        <translation>Lưu mô hình đang dùng vào một tệp</translation>
    </message>
    <message>
        <source>Saved runs (Train &gt; Runs)...</source>
        <translation>Các lượt chạy đã lưu (Huấn luyện &gt; Lượt chạy)...</translation>
    </message>
    <message>
        <source>Se&amp;ttings...</source>
        <translation>&amp;Cài đặt...</translation>
    </message>
    <message>
        <source>Shirt or pullover? A shirt opens down the front: erase a line from the neck to the hem.</source>
        <translation>Áo sơ mi hay áo len chui đầu? Áo sơ mi mở phía trước: tẩy một đường từ cổ xuống gấu áo.</translation>
    </message>
    <message>
        <source>Shirt or pullover? It has its opening; a shirt also has a collar and buttons, a pullover a ribbed hem.</source>
        <translation>Áo sơ mi hay áo len chui đầu? Áo đã có đường mở; áo sơ mi còn có cổ áo và hàng cúc, áo len chui đầu có bo gấu.</translation>
    </message>
    <message>
        <source>Shirt or pullover? Its opening stops part way: a shirt opens from the neck to the hem.</source>
        <translation>Áo sơ mi hay áo len chui đầu? Đường mở dừng giữa chừng: áo sơ mi mở từ cổ xuống tận gấu áo.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Hiện</translation>
    </message>
    <message>
        <source>Show &amp;test image</source>
        <translation>Hiện ảnh &amp;kiểm tra</translation>
    </message>
    <message>
        <source>Show the next page</source>
        <translation>Hiện trang kế tiếp</translation>
    </message>
    <message>
        <source>Show the page before</source>
        <translation>Hiện trang phía trước</translation>
    </message>
    <message>
        <source>Te&amp;xt size</source>
        <translation>&amp;Cỡ chữ</translation>
    </message>
    <message>
        <source>Test #</source>
        <translation>Mã ảnh</translation>
    </message>
    <message>
        <source>Test accuracy: n/a</source>
        <translation>Độ chính xác kiểm tra: không có</translation>
    </message>
    <message>
        <source>Test accuracy: when training ends</source>
        <translation>Độ chính xác kiểm tra: khi huấn luyện xong</translation>
    </message>
    <message>
        <source>Test accuracy: {accuracy}</source>
        <translation>Độ chính xác kiểm tra: {accuracy}</translation>
    </message>
    <message>
        <source>Test images the lab asks about</source>
        <translation>Các ảnh kiểm tra mà bài lab hỏi tới</translation>
    </message>
    <message>
        <source>That is the paper around your drawing, so Fill left it: click inside the outline to fill it</source>
        <translation>Đó là phần giấy quanh hình vẽ của bạn, nên Tô kín không tô: hãy bấm vào bên trong đường viền để tô</translation>
    </message>
    <message>
        <source>The clipboard holds no image: copy an image or an image file first.</source>
        <translation>Bộ nhớ tạm không có ảnh: hãy sao chép một ảnh hoặc một tệp ảnh trước.</translation>
    </message>
    <message>
        <source>The drawing is on the clipboard (280 × 280 pixels).</source>
        <translation>Hình vẽ đã ở trong bộ nhớ tạm (280 × 280&#xa0;điểm ảnh).</translation>
    </message>
    <message>
        <source>The model in use</source>
        <translation>Mô hình đang dùng</translation>
    </message>
    <message>
        <source>The model that answers: shipped models, recent ones, or open a file</source>
        <translation>Mô hình trả lời: các mô hình có sẵn, mô hình gần đây, hoặc mở một tệp</translation>
    </message>
    <message>
        <source>The model&apos;s accuracy on the test images and its confusion matrix</source>
        <translation>Độ chính xác của mô hình trên các ảnh kiểm tra và ma trận nhầm lẫn của nó</translation>
    </message>
    <message>
        <source>The pen draws (F: Fill, E: Eraser)</source>
        <translation>Bút đang vẽ (F: Tô kín, E: Tẩy)</translation>
    </message>
    <message>
        <source>The run on the Train page answers with its newest weights; when it ends its model takes over. Choose another model here to use that one instead.</source>
        <translation>Lượt chạy ở trang Huấn luyện trả lời bằng trọng số mới nhất của nó; khi kết thúc, mô hình của nó được dùng. Chọn một mô hình khác ở đây để dùng mô hình đó thay thế.</translation>
    </message>
    <message>
        <source>The size of the window&apos;s text and of the charts&apos; text</source>
        <translation>Cỡ chữ của cửa sổ và của các biểu đồ</translation>
    </message>
    <message>
        <source>The test images placed by how a layer of the network sees them (PCA, t-SNE)</source>
        <translation>Các ảnh kiểm tra được đặt theo cách một tầng (layer) của mạng nhìn thấy chúng (PCA, t-SNE)</translation>
    </message>
    <message>
        <source>The test images the model gets wrong, most confident first</source>
        <translation>Các ảnh kiểm tra mà mô hình đoán sai, ảnh nó tự tin nhất trước</translation>
    </message>
    <message>
        <source>The training and test images: samples, class counts, mean images</source>
        <translation>Các ảnh huấn luyện và kiểm tra: mẫu, số ảnh mỗi lớp, ảnh trung bình</translation>
    </message>
    <message>
        <source>This list holds the shipped models and the ones used lately; every saved run is in Train &gt; Runs, where Use model puts its model in use</source>
        <translation>Danh sách này gồm các mô hình có sẵn và những mô hình dùng gần đây; mọi lượt chạy đã lưu nằm ở Huấn luyện &gt; Lượt chạy, nơi nút Dùng mô hình đưa mô hình của nó vào sử dụng</translation>
    </message>
    <message>
        <source>Time of the last prediction: preprocessing + forward pass</source>
        <translation>Thời gian của lần dự đoán gần nhất: tiền xử lý + lan truyền xuôi</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Thanh công cụ</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Huấn luyện</translation>
    </message>
    <message>
        <source>Train a network of your own and watch its loss and accuracy live</source>
        <translation>Tự huấn luyện một mạng và xem trực tiếp mất mát và độ chính xác của nó</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Hoàn tác (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Undo the last stroke</source>
        <translation>Hoàn tác nét vẽ cuối</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Phiên bản {version}</translation>
    </message>
    <message>
        <source>What to classify: digits (MNIST) or clothing (Fashion-MNIST) — Ctrl+1 / Ctrl+2</source>
        <translation>Phân loại gì: chữ số (MNIST) hay quần áo (Fashion-MNIST) — Ctrl+1 / Ctrl+2</translation>
    </message>
    <message>
        <source>Which pixels made the network answer as it did, and its hidden units</source>
        <translation>Những điểm ảnh nào khiến mạng trả lời như vậy, và các nút ẩn của nó</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Vì sao</translation>
    </message>
    <message>
        <source>Your Clothing drawing is kept: it comes back when you switch to Clothing</source>
        <translation>Hình vẽ ở chế độ Quần áo vẫn được giữ: nó trở lại khi bạn chuyển sang Quần áo</translation>
    </message>
    <message>
        <source>Your Digits drawing is kept: it comes back when you switch to Digits</source>
        <translation>Hình vẽ ở chế độ Chữ số vẫn được giữ: nó trở lại khi bạn chuyển sang Chữ số</translation>
    </message>
    <message>
        <source>drawing</source>
        <translation>hình vẽ</translation>
    </message>
    <message>
        <source>model</source>
        <translation>mô hình</translation>
    </message>
    <message>
        <source>nndesk — draw and watch a neural network think</source>
        <translation>nndesk — vẽ và xem một mạng nơ-ron suy nghĩ</translation>
    </message>
    <message>
        <source>test[{index}]</source>
        <translation>test[{index}]</translation>
    </message>
    <message>
        <source>the network training now</source>
        <translation>mạng đang huấn luyện</translation>
    </message>
    <message>
        <source>untested</source>
        <translation>chưa kiểm tra</translation>
    </message>
    <message>
        <source>{accuracy} on {n} test images</source>
        <translation>{accuracy} trên {n}&#xa0;ảnh kiểm tra</translation>
    </message>
    <message>
        <source>{name}  (damaged)</source>
        <translation>{name}  (bị hỏng)</translation>
    </message>
    <message>
        <source>{name} · {accuracy}</source>
        <translation>{name} · {accuracy}</translation>
    </message>
    <message>
        <source>{name} · {network} · {accuracy}</source>
        <translation>{name} · {network} · {accuracy}</translation>
    </message>
    <message>
        <source>{stem}  (shipped)</source>
        <translation>{stem}  (có sẵn)</translation>
    </message>
    <message>
        <source>{stem}  (shipped, damaged)</source>
        <translation>{stem}  (có sẵn, bị hỏng)</translation>
    </message>
    <message>
        <source>{typed} is not in {low}–{high}: it stays {value}</source>
        <translation>{typed} không nằm trong khoảng {low}–{high}: vẫn giữ {value}</translation>
    </message>
    <message>
        <source>✓ Fill</source>
        <translation>✓ Tô kín</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>Compute the map off the window&apos;s thread (progress below)</source>
        <translation>Tính bản đồ ngoài luồng của cửa sổ (tiến độ ở dưới)</translation>
    </message>
    <message>
        <source>Draw the map</source>
        <translation>Vẽ bản đồ</translation>
    </message>
    <message>
        <source>Drawing the map: each test image becomes a dot, placed by how the chosen layer sees it. The bar above shows how far it has got.</source>
        <translation>Đang vẽ bản đồ: mỗi ảnh kiểm tra thành một chấm, đặt theo cách tầng đã chọn nhìn nó. Thanh phía trên cho biết đã đi được bao xa.</translation>
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
        <translation>PCA: hai hướng phân tán lớn nhất (tức thì). t-SNE: giữ các điểm láng giềng gần nhau (khoảng một phút cho 2.000&#xa0;ảnh)</translation>
    </message>
    <message>
        <source>Point at an image to see it.</source>
        <translation>Trỏ vào một ảnh để xem nó.</translation>
    </message>
    <message>
        <source>Press “Draw the map”: each test image becomes a dot, placed by how the chosen layer sees it, so images it finds alike land close together.</source>
        <translation>Bấm “Vẽ bản đồ”: mỗi ảnh kiểm tra thành một chấm, đặt theo cách tầng đã chọn nhìn nó, nên những ảnh mà tầng ấy thấy giống nhau nằm gần nhau.</translation>
    </message>
    <message>
        <source>Stop computing the map; the map shown before stays</source>
        <translation>Dừng tính bản đồ; bản đồ đang hiện vẫn giữ nguyên</translation>
    </message>
    <message>
        <source>Stopped before the map was drawn.</source>
        <translation>Đã dừng trước khi bản đồ được vẽ.</translation>
    </message>
    <message>
        <source>Stopped: the map below is the one drawn before.</source>
        <translation>Đã dừng: bản đồ bên dưới là bản đồ vẽ lần trước.</translation>
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
        <source>The map places the test images by what the model makes of them, so it needs the model&apos;s results on the test set. They are computed when this page opens; the Evaluate page shows the progress, or which dataset is missing.</source>
        <translation>Bản đồ đặt các ảnh kiểm tra theo cách mô hình nhìn nhận chúng, nên cần kết quả của mô hình trên tập kiểm tra. Kết quả được tính khi trang này mở; trang Đánh giá cho thấy tiến độ, hoặc tập dữ liệu nào còn thiếu.</translation>
    </message>
    <message>
        <source>The map places the test images by what the model makes of them: get the test images first.</source>
        <translation>Bản đồ đặt các ảnh kiểm tra theo cách mô hình nhìn nhận chúng: hãy lấy các ảnh kiểm tra trước.</translation>
    </message>
    <message>
        <source>Your drawing is not placed: this layer&apos;s outputs are too large to keep for the map. Choose a later layer to see where it lands.</source>
        <translation>Hình vẽ của bạn chưa được đặt lên bản đồ: đầu ra của tầng này quá lớn để giữ lại. Chọn một tầng sau để xem nó nằm ở đâu.</translation>
    </message>
    <message>
        <source>mistakes</source>
        <translation>lỗi phân loại</translation>
    </message>
    <message>
        <source>test image {index}, true {true}&lt;br&gt;{first} {pa}, {second} {pb}</source>
        <translation>ảnh kiểm tra {index}, nhãn đúng {true}&lt;br&gt;{first} {pa}, {second} {pb}</translation>
    </message>
    <message>
        <source>{file}, true {true}&lt;br&gt;{first} {pa}, {second} {pb}</source>
        <translation>{file}, nhãn đúng {true}&lt;br&gt;{first} {pa}, {second} {pb}</translation>
    </message>
    <message>
        <source>{method} of {layer}: {n} test images</source>
        <translation>{method} của {layer}: {n}&#xa0;ảnh kiểm tra</translation>
    </message>
    <message>
        <source>{percent}  ·  ETA {eta}</source>
        <translation>{percent}  ·  còn {eta}</translation>
    </message>
    <message>
        <source>★ Draw on the canvas to see where your drawing lands.</source>
        <translation>★ Vẽ trên khung vẽ để xem hình vẽ của bạn nằm ở đâu.</translation>
    </message>
    <message>
        <source>★ Your drawing, drawn at the mean place of the {k} test images most like it in {layer}&apos;s outputs; {n} of them are of class {name}.</source>
        <translation>★ Hình vẽ của bạn, đặt ở vị trí trung bình của {k}&#xa0;ảnh kiểm tra giống nó nhất theo đầu ra của {layer}; {n}&#xa0;ảnh trong số đó thuộc lớp {name}.</translation>
    </message>
    <message>
        <source>★ Your drawing. t-SNE cannot place a new image, so it is drawn at the mean place of the {k} test images most like it in {layer}&apos;s outputs; {n} of them are of class {name}.</source>
        <translation>★ Hình vẽ của bạn. t-SNE không đặt được một ảnh mới, nên nó được vẽ ở vị trí trung bình của {k}&#xa0;ảnh kiểm tra giống nó nhất theo đầu ra của {layer}; {n}&#xa0;ảnh trong số đó thuộc lớp {name}.</translation>
    </message>
</context>
<context>
    <name>MistakesView</name>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Click an image</source>
        <translation>Bấm vào một ảnh</translation>
    </message>
    <message>
        <source>Click an image to see what the model answered</source>
        <translation>Bấm vào một ảnh để xem mô hình đã trả lời gì</translation>
    </message>
    <message>
        <source>Colour the pixels by their push towards the predicted class or the true one</source>
        <translation>Tô màu điểm ảnh theo mức chúng đẩy về phía lớp dự đoán hoặc lớp đúng</translation>
    </message>
    <message>
        <source>Copy this test image onto the drawing canvas to edit it</source>
        <translation>Chép ảnh kiểm tra này lên khung vẽ để sửa</translation>
    </message>
    <message>
        <source>Each tile: the model&apos;s answer and its confidence, then the true class</source>
        <translation>Mỗi ô: câu trả lời của mô hình và độ tự tin, rồi lớp đúng</translation>
    </message>
    <message>
        <source>Evaluate a model to browse its mistakes.</source>
        <translation>Đánh giá một mô hình để duyệt các lỗi phân loại của nó.</translation>
    </message>
    <message>
        <source>Evaluating the new model on the test images: its mistakes show here when it is done.</source>
        <translation>Đang đánh giá mô hình mới trên các ảnh kiểm tra: các lỗi phân loại của nó sẽ hiện ở đây khi xong.</translation>
    </message>
    <message>
        <source>Most confident first</source>
        <translation>Tự tin nhất trước</translation>
    </message>
    <message>
        <source>Most confident first: the mistakes the model was surest of</source>
        <translation>Tự tin nhất trước: các lỗi mà mô hình chắc chắn nhất</translation>
    </message>
    <message>
        <source>No image chosen</source>
        <translation>Chưa chọn ảnh nào</translation>
    </message>
    <message>
        <source>Only images of this true class</source>
        <translation>Chỉ các ảnh có lớp đúng này</translation>
    </message>
    <message>
        <source>Only images predicted as this class (true = predicted shows the correct ones)</source>
        <translation>Chỉ các ảnh được dự đoán là lớp này (đúng = dự đoán sẽ hiện các ảnh đoán đúng)</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Dự đoán</translation>
    </message>
    <message>
        <source>Put on canvas</source>
        <translation>Đặt lên khung vẽ</translation>
    </message>
    <message>
        <source>Red pixels pushed the model towards its answer, blue ones away from it</source>
        <translation>Điểm ảnh đỏ đẩy mô hình về phía câu trả lời, điểm ảnh xanh đẩy ra xa</translation>
    </message>
    <message>
        <source>Show saliency</source>
        <translation>Hiện bản đồ nổi bật</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>Sắp xếp</translation>
    </message>
    <message>
        <source>Test image #{i}
True: {true}
Predicted: {predicted} ({p})</source>
        <translation>Ảnh kiểm tra #{i}
Đúng là: {true}
Dự đoán: {predicted} ({p})</translation>
    </message>
    <message>
        <source>Test image #{i} — correct</source>
        <translation>Ảnh kiểm tra #{i} — đoán đúng</translation>
    </message>
    <message>
        <source>Test image #{i} — mistake</source>
        <translation>Ảnh kiểm tra #{i} — đoán sai</translation>
    </message>
    <message>
        <source>Test-set order</source>
        <translation>Theo thứ tự tập kiểm tra</translation>
    </message>
    <message>
        <source>The mistakes are found on the test images: get them first.</source>
        <translation>Các lỗi phân loại được tìm trên ảnh kiểm tra: hãy lấy các ảnh đó trước.</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Lớp đúng</translation>
    </message>
    <message>
        <source>for its answer</source>
        <translation>cho lớp dự đoán</translation>
    </message>
    <message>
        <source>for the true class</source>
        <translation>cho lớp đúng</translation>
    </message>
    <message>
        <source>predicted {name}:</source>
        <translation>dự đoán {name}:</translation>
    </message>
    <message>
        <source>true {name}:</source>
        <translation>đúng là {name}:</translation>
    </message>
    <message>
        <source>true {true}, predicted {predicted}:</source>
        <translation>đúng là {true}, dự đoán {predicted}:</translation>
    </message>
    <message>
        <source>true: {name}</source>
        <translation>đúng: {name}</translation>
    </message>
    <message>
        <source>{count} of {name} recognised correctly</source>
        <translation>{count} {name} được nhận đúng</translation>
    </message>
    <message>
        <source>{file}
True: {true}
Predicted: {predicted} ({p})</source>
        <translation>{file}
Đúng là: {true}
Dự đoán: {predicted} ({p})</translation>
    </message>
    <message>
        <source>{file} — correct</source>
        <translation>{file} — đoán đúng</translation>
    </message>
    <message>
        <source>{file} — mistake</source>
        <translation>{file} — đoán sai</translation>
    </message>
    <message>
        <source>{what} {count} of the {mistakes} in {n}</source>
        <translation>{what} {count} trong {mistakes} trên {n}</translation>
    </message>
</context>
<context>
    <name>ModelSwitchNotice</name>
    <message>
        <source>Keep it</source>
        <translation>Giữ lại</translation>
    </message>
    <message>
        <source>Keep predicting with {model} and hide this note</source>
        <translation>Tiếp tục dự đoán bằng {model} và ẩn thông báo này</translation>
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
        <source>Now using the model you just trained</source>
        <translation>Đang dùng mô hình vừa huấn luyện</translation>
    </message>
    <message>
        <source>Now using the model you just trained ({accuracy})</source>
        <translation>Đang dùng mô hình vừa huấn luyện ({accuracy})</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Predict with the model of the run you stopped, though it tested lower</source>
        <translation>Dự đoán bằng mô hình của lượt chạy bạn đã dừng, dù nó kiểm tra được thấp hơn</translation>
    </message>
    <message>
        <source>Predict with the model of the run, though it is untested</source>
        <translation>Dự đoán bằng mô hình của lượt chạy, dù nó chưa được kiểm tra</translation>
    </message>
    <message>
        <source>Predict with the model you were using before this training run again</source>
        <translation>Dự đoán lại bằng mô hình bạn dùng trước lần huấn luyện này</translation>
    </message>
    <message>
        <source>Predict with this run&apos;s model, in the mode it trained for</source>
        <translation>Dự đoán bằng mô hình của lượt chạy này, trong chế độ mà nó được huấn luyện</translation>
    </message>
    <message>
        <source>Predict with this run&apos;s model, though it tested lower</source>
        <translation>Dự đoán bằng mô hình của lượt chạy này, dù nó kiểm tra được thấp hơn</translation>
    </message>
    <message>
        <source>Run ended ({accuracy}), for {mode}</source>
        <translation>Lượt chạy đã xong ({accuracy}), cho chế độ {mode}</translation>
    </message>
    <message>
        <source>Run {accuracy} &lt; {model} {before}</source>
        <translation>Lượt chạy {accuracy} &lt; {model} {before}</translation>
    </message>
    <message>
        <source>Run: {accuracy}, well below the model in use</source>
        <translation>Lượt chạy: {accuracy}, thấp hơn hẳn mô hình đang dùng</translation>
    </message>
    <message>
        <source>Run: {accuracy}, well below {before}</source>
        <translation>Lượt chạy: {accuracy}, thấp hơn hẳn {before}</translation>
    </message>
    <message>
        <source>Run: {accuracy}, well below {model}&apos;s {before}</source>
        <translation>Lượt chạy: {accuracy}, thấp hơn hẳn {before} của {model}</translation>
    </message>
    <message>
        <source>Stopped run: {accuracy}, below the model in use</source>
        <translation>Lượt chạy đã dừng: {accuracy}, thấp hơn mô hình đang dùng</translation>
    </message>
    <message>
        <source>Stopped run: {accuracy}, below {model}&apos;s {before}</source>
        <translation>Lượt chạy đã dừng: {accuracy}, thấp hơn {before} của {model}</translation>
    </message>
    <message>
        <source>Stopped {accuracy} &lt; {model} {before}</source>
        <translation>Đã dừng {accuracy} &lt; {model} {before}</translation>
    </message>
    <message>
        <source>Stopped: {accuracy}, below {before}</source>
        <translation>Đã dừng: {accuracy}, thấp hơn {before}</translation>
    </message>
    <message>
        <source>Switch back</source>
        <translation>Quay lại mô hình cũ</translation>
    </message>
    <message>
        <source>Switch back to {model}</source>
        <translation>Quay lại mô hình {model}</translation>
    </message>
    <message>
        <source>The run ended ({accuracy}); it trained for {mode}, so this mode goes on predicting with {model}.</source>
        <translation>Lượt chạy đã xong ({accuracy}); nó được huấn luyện cho chế độ {mode}, nên chế độ này vẫn dự đoán bằng {model}.</translation>
    </message>
    <message>
        <source>The run ended before its test, so it is not measured: still predicting with {model}.</source>
        <translation>Lượt chạy kết thúc trước khi kiểm tra nên chưa được đo: vẫn dự đoán bằng {model}.</translation>
    </message>
    <message>
        <source>The run tested {accuracy}, well below {model}&apos;s {before}: still predicting with {model}.</source>
        <translation>Lượt chạy đạt {accuracy} trên ảnh kiểm tra, thấp hơn hẳn {before} của {model}: vẫn dự đoán bằng {model}.</translation>
    </message>
    <message>
        <source>The run you stopped tested {accuracy}, below {model}&apos;s {before}: still predicting with {model}.</source>
        <translation>Lượt chạy bạn đã dừng đạt {accuracy} trên ảnh kiểm tra, thấp hơn {before} của {model}: vẫn dự đoán bằng {model}.</translation>
    </message>
    <message>
        <source>Untested run: not put in use</source>
        <translation>Lượt chạy chưa kiểm tra: không được dùng</translation>
    </message>
    <message>
        <source>Untested run: still predicting with {model}</source>
        <translation>Lượt chạy chưa kiểm tra: vẫn dự đoán bằng {model}</translation>
    </message>
    <message>
        <source>Use this run</source>
        <translation>Dùng lượt chạy này</translation>
    </message>
    <message>
        <source>Use this run&apos;s model</source>
        <translation>Dùng mô hình của lượt chạy này</translation>
    </message>
    <message>
        <source>the other mode</source>
        <translation>kia</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>exactly {value}</source>
        <translation>giá trị chính xác: {value}</translation>
    </message>
</context>
<context>
    <name>PredictionPanel</name>
    <message>
        <source>Calibrated: the network&apos;s raw probability softened by a temperature fitted on held-out images, so that answers given at 80% are right about 80% of the time. The Inside page writes both, the network&apos;s softmax → calibrated; tick Raw probabilities to see the softmax here.</source>
        <translation>Đã hiệu chỉnh: xác suất gốc của mạng được làm mềm bằng một nhiệt độ (temperature) khớp trên các ảnh để riêng, để các câu trả lời ở mức 80% đúng khoảng 80% số lần. Trang Bên trong ghi cả hai, softmax của mạng → đã hiệu chỉnh; đánh dấu Xác suất gốc để xem softmax ở đây.</translation>
    </message>
    <message>
        <source>Calibrated: the network&apos;s raw scores softened by a temperature fitted on held-out images, so that answers given at 80% are right about 80% of the time. The Inside page writes both, the network&apos;s sigmoid → calibrated; tick Raw probabilities to see the sigmoid&apos;s own scores here.</source>
        <translation>Đã hiệu chỉnh: điểm gốc của mạng được làm mềm bằng một nhiệt độ (temperature) khớp trên các ảnh để riêng, để các câu trả lời ở mức 80% đúng khoảng 80% số lần. Trang Bên trong ghi cả hai, sigmoid của mạng → đã hiệu chỉnh; đánh dấu Xác suất gốc để xem điểm riêng của sigmoid ở đây.</translation>
    </message>
    <message>
        <source>Draw something</source>
        <translation>Hãy vẽ gì đó</translation>
    </message>
    <message>
        <source>How sure the network is of its answer</source>
        <translation>Mạng chắc chắn đến đâu về câu trả lời của nó</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>Chưa chắc</translation>
    </message>
    <message>
        <source>Not sure below</source>
        <translation>Chưa chắc dưới</translation>
    </message>
    <message>
        <source>Raw probabilities</source>
        <translation>Xác suất gốc</translation>
    </message>
    <message>
        <source>Raw: the network&apos;s own output probability, as the Inside page shows it (no temperature applied).</source>
        <translation>Gốc: xác suất đầu ra của chính mạng, như trang Bên trong hiện (không áp dụng nhiệt độ).</translation>
    </message>
    <message>
        <source>Runner-up: &lt;b&gt;{name}&lt;/b&gt; {p} (independent scores)</source>
        <translation>Thứ hai: &lt;b&gt;{name}&lt;/b&gt; {p} (điểm độc lập)</translation>
    </message>
    <message>
        <source>Runner-up: &lt;b&gt;{name}&lt;/b&gt; {p} (margin {margin} points)</source>
        <translation>Thứ hai: &lt;b&gt;{name}&lt;/b&gt; {p} (cách {margin}&#xa0;điểm phần trăm)</translation>
    </message>
    <message>
        <source>Say &quot;Not sure&quot; and show the two best guesses when the calibrated top probability is under this (0: always answer). One threshold: the canvas, Evaluate, Mistakes and Lab share it</source>
        <translation>Nói &quot;Chưa chắc&quot; và hiện hai dự đoán tốt nhất khi xác suất cao nhất (đã hiệu chỉnh) thấp hơn mức này (0: luôn trả lời). Một ngưỡng chung: khung vẽ, trang Đánh giá, Đoán sai và Thí nghiệm dùng chung</translation>
    </message>
    <message>
        <source>Show the network&apos;s own probabilities instead of the calibrated ones. Calibration divides the outputs by a temperature fitted on held-out images, so that answers given at 80% are right about 80% of the time; it never changes which class wins.</source>
        <translation>Hiện xác suất gốc của mạng thay cho xác suất đã hiệu chỉnh. Hiệu chỉnh (calibration) chia đầu ra cho một nhiệt độ (temperature) được khớp trên các ảnh để riêng, để các câu trả lời ở mức 80% đúng khoảng 80% số lần; nó không bao giờ đổi lớp thắng.</translation>
    </message>
    <message>
        <source>The label a person gave this test image</source>
        <translation>Nhãn mà con người gán cho ảnh kiểm tra này</translation>
    </message>
    <message>
        <source>The network&apos;s answer: the class with the highest probability</source>
        <translation>Câu trả lời của mạng: lớp có xác suất cao nhất</translation>
    </message>
    <message>
        <source>The second most likely class and the margin p(answer) - p(runner-up): a small margin means the network hesitated between the two</source>
        <translation>Lớp có khả năng thứ hai và khoảng cách p(câu trả lời) - p(lớp thứ hai): khoảng cách nhỏ nghĩa là mạng phân vân giữa hai lớp</translation>
    </message>
    <message>
        <source>This network&apos;s output is a sigmoid: it scores each class on its own, from 0 to 100%, so the bars need not add up to 100% (a softmax output&apos;s do).</source>
        <translation>Đầu ra của mạng này là sigmoid: nó chấm điểm mỗi lớp riêng, từ 0 đến 100%, nên tổng các thanh không nhất thiết bằng 100% (với đầu ra softmax thì có).</translation>
    </message>
    <message>
        <source>True label: &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>Nhãn đúng: &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>True label: &lt;b&gt;{name}&lt;/b&gt; — {mark}</source>
        <translation>Nhãn đúng: &lt;b&gt;{name}&lt;/b&gt; — {mark}</translation>
    </message>
    <message>
        <source>calibrated</source>
        <translation>đã hiệu chỉnh</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>gốc</translation>
    </message>
    <message>
        <source>{first} {p1} or {second} {p2}</source>
        <translation>{first} {p1} hoặc {second} {p2}</translation>
    </message>
    <message>
        <source>{first} {p1} or {second} {p2} (independent scores)</source>
        <translation>{first} {p1} hoặc {second} {p2} (điểm độc lập)</translation>
    </message>
    <message>
        <source>✓ correct</source>
        <translation>✓ đúng</translation>
    </message>
    <message>
        <source>✗ wrong</source>
        <translation>✗ sai</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <source>The network&apos;s probability for every class (softmax of its outputs). A check mark shows the true label of a test image.</source>
        <translation>Xác suất mạng đưa ra cho mỗi lớp (softmax của các đầu ra). Dấu tích chỉ nhãn đúng của một ảnh kiểm tra.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>%1 File</source>
        <translation>Tệp %1</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Bí danh</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Ổ đĩa</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Lối tắt</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Step up</source>
        <translation>&amp;Tăng</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>&amp;Giảm</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Không tìm thấy thư mục.
Hãy kiểm tra lại tên thư mục.</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Không tìm thấy tệp.
Hãy kiểm tra lại tên tệp.</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>Tệp %1</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 đã có.
Bạn có muốn thay thế nó không?</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xoá</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Tìm trong:</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>Thư mục &amp;mới</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; được bảo vệ chống ghi.
Bạn vẫn muốn xoá nó?</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Bạn có chắc muốn xoá &apos;%1&apos;?</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Lùi lại</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Chuyển sang xem chi tiết</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Chuyển sang xem danh sách</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Không xoá được thư mục.</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Tạo một thư mục mới</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Xem chi tiết</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Ổ đĩa</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Loại tệp:</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Tìm thư mục</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Tiến tới</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Đi tiếp</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Lên thư mục cha</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Xem danh sách</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Danh sách địa điểm và dấu trang</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Máy tính của tôi</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Thư mục mới</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Địa điểm gần đây</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Lối tắt</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Hiện </translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Hiện tệp ẩ&amp;n</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Thanh bên</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Không rõ</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>&lt;b&gt;The name &quot;%1&quot; cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
        <translation>&lt;b&gt;Không dùng được tên &quot;%1&quot;.&lt;/b&gt;&lt;p&gt;Hãy thử tên khác, ít ký tự hơn hoặc không có dấu câu.</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Ngày sửa</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translation>Tên tệp không hợp lệ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Máy tính của tôi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Kiểu</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Huỷ</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Đóng, không lưu</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Hide Details...</source>
        <translation>Ẩn chi tiết…</translation>
    </message>
    <message>
        <source>Show Details...</source>
        <translation>Hiện chi tiết…</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Huỷ bỏ</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>K&amp;hông với tất cả</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
</context>
<context>
    <name>QWhatsThisAction</name>
    <message>
        <source>What&apos;s This?</source>
        <translation>Đây là gì?</translation>
    </message>
</context>
<context>
    <name>Race</name>
    <message>
        <source>128 units</source>
        <translation>128&#xa0;nút</translation>
    </message>
    <message>
        <source>2 layers</source>
        <translation>2&#xa0;tầng</translation>
    </message>
    <message>
        <source>3 layers</source>
        <translation>3&#xa0;tầng</translation>
    </message>
    <message>
        <source>64 units</source>
        <translation>64&#xa0;nút</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Depth: 2 vs 3 hidden layers</source>
        <translation>Độ sâu: 2 hay 3&#xa0;tầng ẩn</translation>
    </message>
    <message>
        <source>Inputs: raw pixels vs scaled to [0, 1]</source>
        <translation>Đầu vào: điểm ảnh thô hay chuẩn hoá về [0;&#xa0;1]</translation>
    </message>
    <message>
        <source>Learning rate: 0.01 vs 0.001 vs 0.0001</source>
        <translation>Tốc độ học: 0,01; 0,001 hay 0,0001</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Quán tính</translation>
    </message>
    <message>
        <source>Optimisers: SGD vs momentum vs Adam</source>
        <translation>Bộ tối ưu: SGD, SGD + quán tính hay Adam</translation>
    </message>
    <message>
        <source>Raw 0-255</source>
        <translation>Thô 0-255</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>ReLU, [0, 1]</source>
        <translation>ReLU, [0;&#xa0;1]</translation>
    </message>
    <message>
        <source>ReLU, raw</source>
        <translation>ReLU, thô</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Scaled to [0, 1]</source>
        <translation>Chuẩn hoá về [0;&#xa0;1]</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Sigmoid, [0, 1]</source>
        <translation>Sigmoid, [0;&#xa0;1]</translation>
    </message>
    <message>
        <source>Sigmoid, raw</source>
        <translation>Sigmoid, thô</translation>
    </message>
    <message>
        <source>Units and inputs: sigmoid vs ReLU, raw vs [0, 1]</source>
        <translation>Hàm kích hoạt và đầu vào: sigmoid hay ReLU, thô hay [0;&#xa0;1]</translation>
    </message>
    <message>
        <source>Units: sigmoid vs ReLU</source>
        <translation>Hàm kích hoạt: sigmoid hay ReLU</translation>
    </message>
    <message>
        <source>Width: 64 vs 128 units</source>
        <translation>Độ rộng: 64 hay 128&#xa0;nút</translation>
    </message>
    <message>
        <source>lr 0.0001</source>
        <translation>tốc độ học 0,0001</translation>
    </message>
    <message>
        <source>lr 0.001</source>
        <translation>tốc độ học 0,001</translation>
    </message>
    <message>
        <source>lr 0.01</source>
        <translation>tốc độ học 0,01</translation>
    </message>
</context>
<context>
    <name>RaceController</name>
    <message>
        <source>Loading {name}…</source>
        <translation>Đang nạp {name}…</translation>
    </message>
    <message>
        <source>Preparing the networks…</source>
        <translation>Đang chuẩn bị các mạng…</translation>
    </message>
    <message>
        <source>Racing…</source>
        <translation>Đang đua…</translation>
    </message>
    <message>
        <source>Testing every lane…</source>
        <translation>Đang kiểm tra từng làn…</translation>
    </message>
    <message>
        <source>{lane} could not be kept: {reason}</source>
        <translation>Không giữ lại được {lane}: {reason}</translation>
    </message>
</context>
<context>
    <name>RaceView</name>
    <message>
        <source>  ·  PAUSED</source>
        <translation>  ·  TẠM DỪNG</translation>
    </message>
    <message>
        <source>+ Add a configuration</source>
        <translation>+ Thêm một cấu hình</translation>
    </message>
    <message>
        <source>+ Add a lab…</source>
        <translation>+ Thêm một bài lab…</translation>
    </message>
    <message>
        <source>A race takes four lanes at most: remove one first.</source>
        <translation>Một cuộc đua có tối đa bốn làn: hãy bỏ bớt một làn trước.</translation>
    </message>
    <message>
        <source>Choose a comparison…</source>
        <translation>Chọn một phép so sánh…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>So sánh</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Cấu hình</translation>
    </message>
    <message>
        <source>Each lane keeps its own lab&apos;s augmentation ({own}): the same images, but not the same random shifts.</source>
        <translation>Mỗi làn giữ phần tăng cường dữ liệu của bài lab của nó ({own}): cùng những ảnh, nhưng không cùng những phép dịch ngẫu nhiên.</translation>
    </message>
    <message>
        <source>Each lane keeps its own lab&apos;s validation split ({own}): the same seed, but not the same images.</source>
        <translation>Mỗi làn giữ phần kiểm định của bài lab của nó ({own}): cùng hạt giống, nhưng không cùng những ảnh.</translation>
    </message>
    <message>
        <source>Each lane keeps its own lab&apos;s validation split and augmentation ({own}): the same seed, but not the same images.</source>
        <translation>Mỗi làn giữ phần kiểm định và tăng cường dữ liệu của bài lab của nó ({own}): cùng hạt giống, nhưng không cùng những ảnh.</translation>
    </message>
    <message>
        <source>Edit the configurations</source>
        <translation>Sửa các cấu hình</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Số epoch</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Giữ lại</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Đã giữ</translation>
    </message>
    <message>
        <source>LR</source>
        <translation>Tốc độ học</translation>
    </message>
    <message>
        <source>Lab against lab</source>
        <translation>Lab đấu với lab</translation>
    </message>
    <message>
        <source>Lane {n}</source>
        <extracomment>how an added lane is named, untranslated (a lane&apos;s given name in a finished race)</extracomment>
        <translation>Làn {n}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Tạm dừng</translation>
    </message>
    <message>
        <source>Pick 2-4 configurations and press Race.</source>
        <translation>Chọn 2-4 cấu hình rồi bấm Đua.</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>Đua</translation>
    </message>
    <message>
        <source>Race over: every lane tested.</source>
        <translation>Cuộc đua kết thúc: mọi làn đã được kiểm tra.</translation>
    </message>
    <message>
        <source>Race stopped after {done} of {passes}: every lane tested.</source>
        <translation>Cuộc đua đã dừng sau {done}/{passes}: mọi làn đã được kiểm tra.</translation>
    </message>
    <message>
        <source>Racing: epoch {epoch} of {epochs}, batch {batch} of {per}</source>
        <translation>Đang đua: epoch {epoch}/{epochs}, batch {batch}/{per}</translation>
    </message>
    <message>
        <source>Racing: epoch {epoch} of {epochs}, {share} of it</source>
        <translation>Đang đua: epoch {epoch}/{epochs}, xong {share}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Giây</translation>
    </message>
    <message>
        <source>Shared by every lane ({preset}&apos;s settings): {settings}. Same seed and batches: the lanes see the same images in the same order.</source>
        <translation>Mọi làn dùng chung (cài đặt của {preset}): {settings}. Cùng hạt giống và cùng batch: các làn thấy cùng những ảnh theo cùng thứ tự.</translation>
    </message>
    <message>
        <source>Shared by every lane ({preset}&apos;s settings): {settings}. {own}</source>
        <translation>Mọi làn dùng chung (cài đặt của {preset}): {settings}. {own}</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Test
accuracy</source>
        <translation>Độ chính xác
kiểm tra</translation>
    </message>
    <message>
        <source>The Train form&apos;s settings</source>
        <translation>Các cài đặt của trang Huấn luyện</translation>
    </message>
    <message>
        <source>The lab&apos;s figure for {preset}: {figure} after its {epochs} epochs; this lane trained {trained}.</source>
        <translation>Kết quả của bài lab {preset}: {figure} sau {epochs}&#xa0;epoch của nó; làn đua này đã huấn luyện {trained}&#xa0;epoch.</translation>
    </message>
    <message>
        <source>The race failed.</source>
        <translation>Cuộc đua thất bại.</translation>
    </message>
    <message>
        <source>The race&apos;s Epochs and Seed and its dataset are every lane&apos;s. The validation split and augmentation are the lane&apos;s own: lanes that differ in them train on other images.</source>
        <translation>Epoch và hạt giống (seed) của cuộc đua cùng tập dữ liệu của nó là của mọi làn. Phần kiểm định và tăng cường dữ liệu là của riêng làn này: các làn khác nhau ở đó huấn luyện trên những ảnh khác.</translation>
    </message>
    <message>
        <source>Train
loss</source>
        <translation>Mất mát
huấn luyện</translation>
    </message>
    <message>
        <source>Train form</source>
        <translation>Trang Huấn luyện</translation>
    </message>
    <message>
        <source>Validation
accuracy</source>
        <translation>Độ chính xác
kiểm định</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>không đổi</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>giảm cosine</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>phân kỳ</translation>
    </message>
    <message>
        <source>end every lane after its current batch; they are still tested</source>
        <translation>kết thúc mọi làn sau batch hiện tại; chúng vẫn được kiểm tra</translation>
    </message>
    <message>
        <source>exp</source>
        <translation>mũ</translation>
    </message>
    <message>
        <source>fill the lanes with one of the labs&apos; comparisons; edit freely</source>
        <translation>điền các làn bằng một phép so sánh của các bài lab; sửa tuỳ ý</translation>
    </message>
    <message>
        <source>hold every lane; press again to go on</source>
        <translation>tạm dừng mọi làn; bấm lần nữa để tiếp tục</translation>
    </message>
    <message>
        <source>passes over the training images: every lane trains this many epochs from new weights, on the same images in the same order</source>
        <translation>số lần đi qua các ảnh huấn luyện: mỗi làn huấn luyện chừng này epoch từ trọng số mới, trên cùng những ảnh theo cùng thứ tự</translation>
    </message>
    <message>
        <source>race a whole lab as a lane: a preset&apos;s settings or the Train form&apos;s, its own L2, schedule and batch size included</source>
        <translation>đua cả một bài lab trong một làn: các cài đặt của một cấu hình mẫu (preset) hoặc của trang Huấn luyện, kể cả L2, lịch tốc độ học và kích thước batch riêng của nó</translation>
    </message>
    <message>
        <source>race two labs alone: they replace the lanes</source>
        <translation>đua riêng hai bài lab: chúng thay cho các làn</translation>
    </message>
    <message>
        <source>race up to four configurations</source>
        <translation>đua tối đa bốn cấu hình</translation>
    </message>
    <message>
        <source>remove this configuration from the race</source>
        <translation>bỏ cấu hình này khỏi cuộc đua</translation>
    </message>
    <message>
        <source>save this lane as a run with its model (Runs tab)</source>
        <translation>lưu làn này thành một lượt chạy cùng mô hình của nó (thẻ Lượt chạy)</translation>
    </message>
    <message>
        <source>save this lane&apos;s curves as a run (Runs tab); it diverged, so no model is saved</source>
        <translation>lưu các đường cong của làn này thành một lượt chạy (thẻ Lượt chạy); làn đã phân kỳ nên không lưu mô hình</translation>
    </message>
    <message>
        <source>schedule {word}</source>
        <translation>lịch {word}</translation>
    </message>
    <message>
        <source>show the lanes&apos; settings again, to change them and race anew</source>
        <translation>hiện lại cài đặt của các làn để sửa và đua lại</translation>
    </message>
    <message>
        <source>step</source>
        <translation>bậc</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>đã dừng</translation>
    </message>
    <message>
        <source>the lane&apos;s name in the legend and the table</source>
        <translation>tên của làn trong chú giải và trong bảng</translation>
    </message>
    <message>
        <source>the number every lane&apos;s random start comes from (its first weights, the order of its batches): every lane shares it, so they see the same images in the same order; change it to see how much a result owes to chance</source>
        <translation>con số mà điểm khởi đầu ngẫu nhiên của mỗi làn lấy từ đó (trọng số ban đầu, thứ tự các batch): mọi làn dùng chung nó, nên chúng thấy cùng những ảnh theo cùng thứ tự; đổi nó để xem một kết quả phụ thuộc bao nhiêu vào may rủi</translation>
    </message>
    <message>
        <source>this lane</source>
        <translation>làn này</translation>
    </message>
    <message>
        <source>this lane&apos;s own settings: {settings}. Click to change them.</source>
        <translation>cài đặt riêng của làn này: {settings}. Bấm để đổi.</translation>
    </message>
    <message>
        <source>train every configuration side by side, one batch of each in turn, on the same batches</source>
        <translation>huấn luyện song song mọi cấu hình, lần lượt mỗi cấu hình một batch, trên cùng các batch</translation>
    </message>
    <message>
        <source>{comparison}, on the shared settings</source>
        <translation>{comparison}, trên cài đặt dùng chung</translation>
    </message>
    <message>
        <source>{lab} against</source>
        <translation>{lab} đấu với</translation>
    </message>
    <message>
        <source>{lanes}  —  {preset}&apos;s settings: {settings}…</source>
        <translation>{lanes}  —  cài đặt của {preset}: {settings}…</translation>
    </message>
    <message>
        <source>{lane} trains on {its}, this race on {race}: a race&apos;s lanes train on one dataset, so it was not added.</source>
        <translation>{lane} huấn luyện trên {its}, cuộc đua này trên {race}: các làn của một cuộc đua huấn luyện trên cùng một tập dữ liệu, nên nó không được thêm vào.</translation>
    </message>
    <message>
        <source>{lane}: its own settings</source>
        <translation>{lane}: cài đặt riêng</translation>
    </message>
    <message>
        <source>{name} kept as a run with its model: {path}</source>
        <translation>Đã giữ {name} thành một lượt chạy cùng mô hình: {path}</translation>
    </message>
    <message>
        <source>{name} kept as a run, without a model (it diverged): {path}</source>
        <translation>Đã giữ {name} thành một lượt chạy, không có mô hình (làn đã phân kỳ): {path}</translation>
    </message>
</context>
<context>
    <name>RatePlot</name>
    <message>
        <source>Learning rate per epoch</source>
        <translation>Tốc độ học theo epoch</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>theo kế hoạch</translation>
    </message>
    <message>
        <source>used</source>
        <translation>đã dùng</translation>
    </message>
</context>
<context>
    <name>ReplayView</name>
    <message>
        <source>Confusion matrix on epoch {epoch}&apos;s training batches (this run keeps no validation split)</source>
        <translation>Ma trận nhầm lẫn trên các batch huấn luyện của epoch {epoch} (lượt chạy này không có phần kiểm định)</translation>
    </message>
    <message>
        <source>Confusion matrix on the validation split after epoch {epoch}</source>
        <translation>Ma trận nhầm lẫn trên phần kiểm định sau epoch {epoch}</translation>
    </message>
    <message>
        <source>Draw something to see how each epoch read it.</source>
        <translation>Hãy vẽ gì đó để xem mỗi epoch đọc nó thế nào.</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {last}</source>
        <translation>Epoch {epoch}/{last}</translation>
    </message>
    <message>
        <source>Epoch {epoch}&apos;s network is reading your drawing…</source>
        <translation>Mạng của epoch {epoch} đang đọc hình vẽ của bạn…</translation>
    </message>
    <message>
        <source>Kept per epoch: the confusion matrix ({k}x{k} counts) and a copy of the weights ({size} KB), so your drawing is read by each epoch&apos;s network.</source>
        <translation>Giữ lại mỗi epoch: ma trận nhầm lẫn ({k}x{k} số đếm) và một bản sao trọng số ({size}&#xa0;KB), nên hình vẽ của bạn được mạng của từng epoch đọc.</translation>
    </message>
    <message>
        <source>Kept per epoch: the confusion matrix only ({k}x{k} counts); the copies of the weights are kept for the latest run only.</source>
        <translation>Giữ lại mỗi epoch: chỉ ma trận nhầm lẫn ({k}x{k} số đếm); bản sao trọng số chỉ được giữ cho lượt chạy gần nhất.</translation>
    </message>
    <message>
        <source>Kept per epoch: the confusion matrix only ({k}x{k} counts); the weights of a network this large are not copied every epoch.</source>
        <translation>Giữ lại mỗi epoch: chỉ ma trận nhầm lẫn ({k}x{k} số đếm); trọng số của một mạng lớn thế này không được sao chép mỗi epoch.</translation>
    </message>
    <message>
        <source>No epochs yet</source>
        <translation>Chưa có epoch nào</translation>
    </message>
    <message>
        <source>Only the latest run keeps a copy of its weights per epoch, so this run&apos;s replay shows its confusion matrices only.</source>
        <translation>Chỉ lượt chạy gần nhất giữ bản sao trọng số mỗi epoch, nên phần xem lại của lượt chạy này chỉ hiện các ma trận nhầm lẫn.</translation>
    </message>
    <message>
        <source>Replay keeps the epochs of the runs trained in this window since nndesk opened; the selected run, from {started}, is not one of them. To replay from it: Use model, then Continue; or train a new run.</source>
        <translation>Xem lại giữ các epoch của những lượt chạy được huấn luyện trong cửa sổ này từ khi mở nndesk; lượt chạy đã chọn, lúc {started}, không nằm trong số đó. Để xem lại từ nó: Dùng mô hình, rồi Huấn luyện tiếp; hoặc huấn luyện một lượt chạy mới.</translation>
    </message>
    <message>
        <source>Replay keeps the epochs of the runs trained since nndesk opened; the latest run, from {started}, was trained before. To replay from it: Runs, Use model, then Continue; or train a new run.</source>
        <translation>Xem lại giữ các epoch của những lượt chạy được huấn luyện từ khi mở nndesk; lượt chạy gần nhất, lúc {started}, được huấn luyện trước đó. Để xem lại từ nó: Lượt chạy, Dùng mô hình, rồi Huấn luyện tiếp; hoặc huấn luyện một lượt chạy mới.</translation>
    </message>
    <message>
        <source>Saliency</source>
        <translation>Bản đồ nổi bật</translation>
    </message>
    <message>
        <source>The latest run, from {started}, has not finished an epoch: each epoch shows here once it ends.</source>
        <translation>Lượt chạy gần nhất, lúc {started}, chưa xong epoch nào: mỗi epoch hiện ở đây khi nó kết thúc.</translation>
    </message>
    <message>
        <source>The network&apos;s own probabilities at the end of each epoch: a run fits its calibration once, after its last epoch, so no earlier network has one. The bars beside the canvas are calibrated: tick Raw probabilities under them to compare.</source>
        <translation>Xác suất gốc của mạng ở cuối mỗi epoch: một lần huấn luyện chỉ khớp hiệu chỉnh một lần, sau epoch cuối cùng, nên mạng của các epoch trước không có hiệu chỉnh. Các thanh bên cạnh khung vẽ là xác suất đã hiệu chỉnh: đánh dấu Xác suất gốc bên dưới chúng để so sánh.</translation>
    </message>
    <message>
        <source>The selected run, from {started}, ended before its first epoch did: it has nothing to replay.</source>
        <translation>Lượt chạy đã chọn, lúc {started}, kết thúc trước khi xong epoch đầu tiên: không có gì để xem lại.</translation>
    </message>
    <message>
        <source>The selected run, from {started}, was a lane of a race: a race keeps no copy of its lanes at each epoch, so it has nothing to replay. To replay its settings, train them alone (Settings tab, then Train).</source>
        <translation>Lượt chạy đã chọn, lúc {started}, là một làn của cuộc đua: cuộc đua không giữ bản sao các làn của nó ở từng epoch, nên không có gì để xem lại. Để xem lại các cài đặt của nó, hãy huấn luyện riêng chúng (thẻ Cài đặt, rồi Huấn luyện).</translation>
    </message>
    <message>
        <source>This network is too large to keep a copy of its weights per epoch, so the replay shows the confusion matrices only.</source>
        <translation>Mạng này quá lớn để giữ bản sao trọng số mỗi epoch, nên phần xem lại chỉ hiện các ma trận nhầm lẫn.</translation>
    </message>
    <message>
        <source>This run trained for {mode}: switch to that mode to see how each epoch read a drawing there.</source>
        <translation>Lượt chạy này được huấn luyện cho chế độ {mode}: hãy chuyển sang chế độ đó để xem mạng của từng epoch đọc một hình vẽ ở đó thế nào.</translation>
    </message>
    <message>
        <source>Train a run to replay it epoch by epoch.</source>
        <translation>Huấn luyện một lượt chạy để xem lại nó theo từng epoch.</translation>
    </message>
    <message>
        <source>Your drawing</source>
        <translation>Hình vẽ của bạn</translation>
    </message>
    <message>
        <source>Your drawing, read by the network of epoch {epoch}</source>
        <translation>Hình vẽ của bạn, do mạng của epoch {epoch} đọc</translation>
    </message>
    <message>
        <source>drag to see the run as it was at the end of each epoch</source>
        <translation>kéo để xem lượt chạy như lúc cuối mỗi epoch</translation>
    </message>
    <message>
        <source>draw on the left</source>
        <translation>vẽ ở bên trái</translation>
    </message>
    <message>
        <source>raw probabilities</source>
        <translation>xác suất gốc</translation>
    </message>
    <message>
        <source>red pixels pushed that epoch&apos;s network towards its answer, blue ones away</source>
        <translation>điểm ảnh đỏ đẩy mạng của epoch đó về phía câu trả lời, điểm xanh đẩy ra xa (bản đồ nổi bật)</translation>
    </message>
    <message>
        <source>{accuracy} right ({right} of {total})</source>
        <translation>{accuracy} đúng ({right} trên {total})</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>
… and {n} more</source>
        <translation>
… và {n}&#xa0;lượt nữa</translation>
    </message>
    <message>
        <source>(the last {n} of {total} changes of the rate)</source>
        <translation>({n}&#xa0;lần đổi tốc độ học gần nhất trong {total}&#xa0;lần)</translation>
    </message>
    <message>
        <source>Accuracy on the test set, after training</source>
        <translation>Độ chính xác trên tập kiểm tra, sau khi huấn luyện</translation>
    </message>
    <message>
        <source>Accuracy on the validation split, after the last epoch</source>
        <translation>Độ chính xác trên phần kiểm định, sau epoch cuối</translation>
    </message>
    <message>
        <source>All histories as &amp;CSV…</source>
        <translation>Lịch sử từng epoch của mọi lượt ra &amp;CSV…</translation>
    </message>
    <message>
        <source>Click to enlarge the chart</source>
        <translation>Bấm để phóng to biểu đồ</translation>
    </message>
    <message>
        <source>Curves as &amp;PNG…</source>
        <translation>Đường cong ra &amp;PNG…</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Tập dữ liệu</translation>
    </message>
    <message>
        <source>Delete permanently?</source>
        <translation>Xoá vĩnh viễn?</translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>Xoá lượt chạy</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Xoá…</translation>
    </message>
    <message>
        <source>Enlarge chart</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <source>Experiment as Keras/TensorFlow &amp;notebook…</source>
        <translation>Lượt chạy thành &amp;notebook Keras/TensorFlow…</translation>
    </message>
    <message>
        <source>Experiment as NumPy &amp;script…</source>
        <translation>Lượt chạy thành &amp;script NumPy…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Histories as &amp;CSV…</source>
        <translation>Lịch sử từng epoch ra &amp;CSV…</translation>
    </message>
    <message>
        <source>In the legend, lr is the learning rate.</source>
        <translation>Trong chú giải, lr là tốc độ học (learning rate).</translation>
    </message>
    <message>
        <source>Its model is the one in use: it keeps answering until you choose another model.</source>
        <translation>Mô hình của nó là mô hình đang dùng: nó vẫn tiếp tục trả lời cho đến khi bạn chọn một mô hình khác.</translation>
    </message>
    <message>
        <source>Its record could not be written to the end ({reason}): this row is what the window holds; the record on disk is behind and is not what the next start shows.</source>
        <translation>Không ghi được hồ sơ của lượt chạy đến cuối ({reason}): dòng này là những gì cửa sổ đang giữ; hồ sơ trên đĩa bị chậm lại và lần mở sau sẽ không hiện như thế này.</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Các tầng</translation>
    </message>
    <message>
        <source>Move these {n} runs to the trash?

{listed}

from {folder}</source>
        <translation>Chuyển {n}&#xa0;lượt chạy này vào thùng rác?

{listed}

từ {folder}</translation>
    </message>
    <message>
        <source>Move this run to the trash?

{listed}

from {folder}</source>
        <translation>Chuyển lượt chạy này vào thùng rác?

{listed}

từ {folder}</translation>
    </message>
    <message>
        <source>None of the selected runs can be read: each row says why.</source>
        <translation>Không đọc được lượt chạy nào trong số đã chọn: mỗi dòng ghi lý do.</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Cấu hình mẫu</translation>
    </message>
    <message>
        <source>Reading runs…</source>
        <translation>Đang đọc các lượt chạy…</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>Gỡ liên kết</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Lượt chạy</translation>
    </message>
    <message>
        <source>Runs compared</source>
        <translation>So sánh các lượt chạy</translation>
    </message>
    <message>
        <source>Saved outside the runs folder, these go to the trash too:
{files}</source>
        <translation>Các tệp này được lưu ngoài thư mục lượt chạy và cũng vào thùng rác:
{files}</translation>
    </message>
    <message>
        <source>Select runs above to see their curves</source>
        <translation>Chọn các lượt chạy ở trên để xem đồ thị</translation>
    </message>
    <message>
        <source>Select two or more runs (Ctrl/Shift-click) to compare their curves.</source>
        <translation>Chọn hai lượt chạy trở lên (Ctrl/Shift + bấm) để so sánh.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Started from the preset {preset}, its settings changed before the run trained.</source>
        <translation>Bắt đầu từ cấu hình mẫu {preset}, các cài đặt đã được sửa trước khi lượt chạy huấn luyện.</translation>
    </message>
    <message>
        <source>Started from the preset {preset}, on other data: the lab&apos;s figure says nothing of this run.</source>
        <translation>Bắt đầu từ cấu hình mẫu {preset}, trên dữ liệu khác: kết quả của bài lab không nói gì về lượt chạy này.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Still training, so not deleted: {names}. Stop it first.</source>
        <translation>Vẫn đang huấn luyện nên không xoá: {names}. Hãy dừng nó trước.</translation>
    </message>
    <message>
        <source>Test acc</source>
        <translation>% đúng
(kiểm tra)</translation>
    </message>
    <message>
        <source>The app or terminal training this run was closed before the run ended. Its curves so far are kept.</source>
        <translation>Ứng dụng hoặc cửa sổ dòng lệnh đang huấn luyện lượt chạy này đã bị đóng trước khi lượt chạy kết thúc. Các đường cong đến lúc đó vẫn được giữ lại.</translation>
    </message>
    <message>
        <source>The chart compares the first {n} of the {total} selected runs.</source>
        <translation>Biểu đồ so sánh {n}&#xa0;lượt chạy đầu tiên trong {total}&#xa0;lượt chạy đã chọn.</translation>
    </message>
    <message>
        <source>The chart compares {n} of the {total} selected runs; it leaves out {runs}. Ctrl-click a run it shows to leave that one out instead.</source>
        <translation>Biểu đồ so sánh {n} trong {total}&#xa0;lượt chạy đã chọn, không vẽ {runs}. Muốn vẽ một lượt đó, Ctrl + bấm để bỏ chọn một lượt đang vẽ.</translation>
    </message>
    <message>
        <source>The chart could not be drawn: {error}</source>
        <translation>Không vẽ được biểu đồ: {error}</translation>
    </message>
    <message>
        <source>The damaged runs selected cannot be read: the chart and the exports leave them out.</source>
        <translation>Không đọc được các lượt chạy bị hỏng đã chọn: biểu đồ và các tệp xuất bỏ qua chúng.</translation>
    </message>
    <message>
        <source>The lab it sets out to beat: {figure}.</source>
        <translation>Bài lab mà nó nhắm vượt qua: {figure}.</translation>
    </message>
    <message>
        <source>The lab&apos;s figure: {figure}.</source>
        <translation>Kết quả của bài lab: {figure}.</translation>
    </message>
    <message>
        <source>The model of {run} is the one in use: it keeps answering until you choose another model.</source>
        <translation>Mô hình của {run} là mô hình đang dùng: nó vẫn tiếp tục trả lời cho đến khi bạn chọn một mô hình khác.</translation>
    </message>
    <message>
        <source>The run diverged, so no model was saved: its weights were the ones its loss blew up from. Its curves are kept.</source>
        <translation>Lượt chạy đã phân kỳ nên không lưu mô hình: trọng số của nó chính là trọng số làm mất mát bùng nổ. Các đường cong vẫn được giữ lại.</translation>
    </message>
    <message>
        <source>The run diverged: its model file holds the weights its loss blew up from, so Use model does not open it (nndesk models leaves it out too). Its curves are kept.</source>
        <translation>Lượt chạy đã phân kỳ: tệp mô hình của nó giữ trọng số làm mất mát bùng nổ, nên Dùng mô hình không mở nó (nndesk models cũng bỏ nó ra). Các đường cong vẫn được giữ lại.</translation>
    </message>
    <message>
        <source>Trained with the settings of the preset {preset}.</source>
        <translation>Huấn luyện với cài đặt của cấu hình mẫu {preset}.</translation>
    </message>
    <message>
        <source>Use model</source>
        <translation>Dùng mô hình</translation>
    </message>
    <message>
        <source>Val acc</source>
        <translation>% đúng
(kiểm định)</translation>
    </message>
    <message>
        <source>[-1, 1]</source>
        <translation>[-1;&#xa0;1]</translation>
    </message>
    <message>
        <source>[0, 1]</source>
        <translation>[0;&#xa0;1]</translation>
    </message>
    <message>
        <source>[0, 255]</source>
        <translation>[0;&#xa0;255]</translation>
    </message>
    <message>
        <source>augmented</source>
        <translation>có tăng cường dữ liệu</translation>
    </message>
    <message>
        <source>batch {n}</source>
        <translation>batch {n}</translation>
    </message>
    <message>
        <source>batch {size}</source>
        <translation>batch {size}</translation>
    </message>
    <message>
        <source>cannot be read: {message}</source>
        <translation>không đọc được: {message}</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>hoàn tất</translation>
    </message>
    <message>
        <source>constant rate</source>
        <translation>tốc độ học không đổi</translation>
    </message>
    <message>
        <source>cosine to {lr:g}</source>
        <translation>cosine về {lr:g}</translation>
    </message>
    <message>
        <source>could not delete {name}: {error}</source>
        <translation>không xoá được {name}: {error}</translation>
    </message>
    <message>
        <source>could not remove the link {name}: {reason}</source>
        <translation>không gỡ được liên kết {name}: {reason}</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>hỏng</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>phân kỳ</translation>
    </message>
    <message>
        <source>exp after {epochs}, decay {rate:g}</source>
        <translation>giảm mũ sau {epochs}, tốc độ giảm {rate:g}</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>thất bại</translation>
    </message>
    <message>
        <source>folder {folder}</source>
        <translation>thư mục {folder}</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>cả tập (full batch)</translation>
    </message>
    <message>
        <source>inputs {normalize}</source>
        <translation>đầu vào {normalize}</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>bị ngắt</translation>
    </message>
    <message>
        <source>its folder refused the model; it was saved to {path}</source>
        <translation>thư mục của lượt chạy không nhận mô hình; mô hình đã được lưu vào {path}</translation>
    </message>
    <message>
        <source>learning rate {lr:g} from epoch {epoch}, batch {batch}</source>
        <translation>tốc độ học {lr:g} từ epoch {epoch}, batch {batch}</translation>
    </message>
    <message>
        <source>load the selected run&apos;s model into the prediction view</source>
        <translation>nạp mô hình của lượt chạy đã chọn vào phần dự đoán</translation>
    </message>
    <message>
        <source>lr {lr:g}</source>
        <translation>tốc độ học {lr:g}</translation>
    </message>
    <message>
        <source>lr {rate}</source>
        <translation>lr {rate}</translation>
    </message>
    <message>
        <source>move the selected runs&apos; folders to the system trash</source>
        <translation>chuyển thư mục của các lượt chạy đã chọn vào thùng rác</translation>
    </message>
    <message>
        <source>no file manager would open {folder}</source>
        <translation>không có trình quản lý tệp nào mở được {folder}</translation>
    </message>
    <message>
        <source>open the selected run&apos;s folder in the file manager</source>
        <translation>mở thư mục của lượt chạy đã chọn trong trình quản lý tệp</translation>
    </message>
    <message>
        <source>running</source>
        <translation>đang chạy</translation>
    </message>
    <message>
        <source>save the per-epoch history of the selected runs (or all)</source>
        <translation>lưu lịch sử từng epoch của các lượt chạy đã chọn (hoặc tất cả)</translation>
    </message>
    <message>
        <source>save the selected runs&apos; curves as a PNG image</source>
        <translation>lưu đồ thị của các lượt chạy đã chọn thành ảnh PNG</translation>
    </message>
    <message>
        <source>save the selected runs&apos; curves or histories, or the selected run&apos;s experiment as code</source>
        <translation>lưu đường cong hoặc lịch sử của các lượt chạy đã chọn, hoặc lượt chạy đã chọn dưới dạng mã</translation>
    </message>
    <message>
        <source>show the selected runs&apos; curves in a window as large as this one (also a click on the chart); Esc puts them back</source>
        <translation>xem các đường cong của những lượt chạy đã chọn trong một cửa sổ lớn bằng cửa sổ này (hoặc bấm vào biểu đồ); Esc đưa biểu đồ về chỗ cũ</translation>
    </message>
    <message>
        <source>step every {epochs} ×{gamma:g}</source>
        <translation>giảm theo bậc mỗi {epochs} ×{gamma:g}</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>đã dừng</translation>
    </message>
    <message>
        <source>whole set</source>
        <extracomment>a full batch as a narrow Settings cell says it (each step on the whole training set): the Vietnamese &quot;cả tập (full batch)&quot; took the cell of mnist-gd runs told apart by their rate and batch (verify68 #1); &quot;cả tập&quot;</extracomment>
        <translation>cả tập</translation>
    </message>
    <message>
        <source>{error}.

Delete {name} permanently? This cannot be undone.</source>
        <translation>{error}.

Xoá vĩnh viễn {name}? Không thể hoàn tác.</translation>
    </message>
    <message>
        <source>{folder} cannot be read: {reason}

It is left as it is. Its model file is there: Use model opens it. Show folder opens the run&apos;s folder; Delete… asks before removing it.</source>
        <translation>Không đọc được {folder}: {reason}

Thư mục được giữ nguyên. Tệp mô hình của nó vẫn còn: Dùng mô hình sẽ mở tệp đó. Mở thư mục để xem thư mục của lượt chạy; Xoá… sẽ hỏi trước khi gỡ bỏ.</translation>
    </message>
    <message>
        <source>{folder} cannot be read: {reason}

It is left as it is. Its model was saved to {model}: Use model opens it. Show folder opens the run&apos;s folder; Delete… asks before removing it.</source>
        <translation>Không đọc được {folder}: {reason}

Thư mục được giữ nguyên. Mô hình của nó đã được lưu vào {model}: Dùng mô hình sẽ mở tệp đó. Mở thư mục để xem thư mục của lượt chạy; Xoá… sẽ hỏi trước khi gỡ bỏ.</translation>
    </message>
    <message>
        <source>{folder} cannot be read: {reason}

It is left as it is. Show folder opens it; Delete… asks before removing it.</source>
        <translation>Không đọc được {folder}: {reason}

Thư mục được giữ nguyên. Mở thư mục để xem nó; Xoá… sẽ hỏi trước khi gỡ bỏ.</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder: no run can be kept there. Runs still train; their models are saved in the nndesk folder.</source>
        <translation>{folder} là một tệp, không phải thư mục: không lượt chạy nào được giữ ở đó. Các lượt chạy vẫn huấn luyện; mô hình của chúng được lưu trong thư mục nndesk.</translation>
    </message>
    <message>
        <source>{folder}: {message}. The folder is left as it is.</source>
        <translation>{folder}: {message}. Thư mục được giữ nguyên.</translation>
    </message>
    <message>
        <source>{name} is a link to {target}, not a run folder.

Remove the link? Only the link in {runs} goes; {target} and everything in it stay as they are.</source>
        <translation>{name} là một liên kết tới {target}, không phải thư mục của một lượt chạy.

Gỡ liên kết này? Chỉ liên kết trong {runs} bị gỡ; {target} và mọi thứ bên trong vẫn giữ nguyên.</translation>
    </message>
    <message>
        <source>{n} runs compared; Ctrl/Shift-click adds or removes one.</source>
        <translation>Đang so sánh {n}&#xa0;lượt chạy; Ctrl/Shift + bấm để thêm hoặc bỏ một lượt.</translation>
    </message>
    <message>
        <source>{n} selected runs are gone: their folders were deleted outside nndesk.</source>
        <translation>{n}&#xa0;lượt chạy đã chọn không còn nữa: thư mục của chúng đã bị xoá bên ngoài nndesk.</translation>
    </message>
    <message>
        <source>{preset}, changed</source>
        <translation>{preset}, đã sửa</translation>
    </message>
    <message>
        <source>{run} is gone: its folder was deleted outside nndesk.</source>
        <translation>{run} không còn nữa: thư mục của nó đã bị xoá bên ngoài nndesk.</translation>
    </message>
</context>
<context>
    <name>SaveDialog</name>
    <message>
        <source>Dark background (the dark theme&apos;s colours)</source>
        <translation>Nền tối (màu của giao diện tối)</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>Thay tệp?</translation>
    </message>
    <message>
        <source>Saved dark on white, ready for a report or a slide. Tick Dark background for the dark theme&apos;s colours.</source>
        <translation>Lưu chữ tối trên nền trắng, sẵn để đưa vào báo cáo hay trang chiếu. Đánh dấu Nền tối để lấy màu của giao diện tối.</translation>
    </message>
    <message>
        <source>{name} already exists in {folder}. Replace it?</source>
        <translation>{name} đã có trong {folder}. Thay nó bằng tệp mới?</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>A mirror is an http:// or https:// address, or a folder.</source>
        <translation>Nguồn tải (mirror) là một địa chỉ http:// hoặc https://, hoặc một thư mục.</translation>
    </message>
    <message>
        <source>A teacher can serve the datasets on the school network: a web address or a shared folder holding &lt;b&gt;mnist/&lt;/b&gt; and &lt;b&gt;fashion-mnist/&lt;/b&gt;, each with the four standard files. It is tried before the public mirrors, and every file must match the published checksum.</source>
        <translation>Giáo viên có thể chia sẻ các tập dữ liệu trên mạng của trường: một địa chỉ web hoặc một thư mục chung chứa &lt;b&gt;mnist/&lt;/b&gt; và &lt;b&gt;fashion-mnist/&lt;/b&gt;, mỗi thư mục có bốn tệp chuẩn. Nó được thử trước các nguồn tải công cộng, và mọi tệp phải khớp với mã kiểm tra (checksum) đã công bố.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Choose the data folder</source>
        <translation>Chọn thư mục dữ liệu</translation>
    </message>
    <message>
        <source>Classroom mirror</source>
        <translation>Nguồn tải của lớp học (mirror)</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>Đóng mà không thay đổi gì</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Thư mục dữ liệu</translation>
    </message>
    <message>
        <source>No such data folder: {folder}</source>
        <translation>Không có thư mục dữ liệu: {folder}</translation>
    </message>
    <message>
        <source>No such folder: {folder}</source>
        <translation>Không có thư mục: {folder}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>This folder cannot be read ({reason}): {folder}</source>
        <translation>Không đọc được thư mục này ({reason}): {folder}</translation>
    </message>
    <message>
        <source>This mode&apos;s data folder (each mode keeps its own): one holding the IDX files, or mnist/ and fashion-mnist/ sub-folders, which serves both modes</source>
        <translation>Thư mục dữ liệu của chế độ này (mỗi chế độ nhớ thư mục riêng): một thư mục chứa các tệp IDX, hoặc các thư mục con mnist/ và fashion-mnist/, dùng được cho cả hai chế độ</translation>
    </message>
    <message>
        <source>Tried before the public mirrors (also $NNDESK_MIRROR)</source>
        <translation>Được thử trước các nguồn tải công cộng (cũng đặt được bằng biến $NNDESK_MIRROR)</translation>
    </message>
    <message>
        <source>Use and remember these settings</source>
        <translation>Dùng và ghi nhớ các cài đặt này</translation>
    </message>
    <message>
        <source>e.g. http://teacher-pc:8000/ or /mnt/class/datasets</source>
        <translation>ví dụ http://teacher-pc:8000/ hoặc /mnt/class/datasets</translation>
    </message>
    <message>
        <source>none: datasets are downloaded into nndesk&apos;s cache</source>
        <translation>trống: các tập dữ liệu được tải vào bộ nhớ đệm của nndesk</translation>
    </message>
</context>
<context>
    <name>StartingSign</name>
    <message>
        <source>Starting nndesk…</source>
        <translation>Đang khởi động nndesk…</translation>
    </message>
    <message>
        <source>The first start makes a list of this computer&apos;s fonts for the charts: it can take a minute or two.</source>
        <translation>Lần khởi động đầu tiên lập danh sách phông chữ của máy tính này cho các biểu đồ: có thể mất một đến hai&#xa0;phút.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Could not save {file}</source>
        <translation>Không lưu được {file}</translation>
    </message>
    <message>
        <source>Model saved: {file} in {folder}</source>
        <translation>Đã lưu mô hình: {file} trong {folder}</translation>
    </message>
    <message>
        <source>No file manager would open {folder}</source>
        <translation>Không trình quản lý tệp nào mở được {folder}</translation>
    </message>
    <message>
        <source>Open the folder the file was saved in</source>
        <translation>Mở thư mục chứa tệp vừa lưu</translation>
    </message>
    <message>
        <source>Saved {file} in {folder}</source>
        <translation>Đã lưu {file} trong {folder}</translation>
    </message>
    <message>
        <source>Saving {file} in {folder}…</source>
        <translation>Đang lưu {file} vào {folder}…</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <source>What the run is doing while the note beside it is read</source>
        <translation>Lượt chạy đang làm gì, trong khi ghi chú bên cạnh được đọc</translation>
    </message>
</context>
<context>
    <name>TrainForm</name>
    <message>
        <source> epoch</source>
        <translation> epoch</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> epoch</translation>
    </message>
    <message>
        <source> images</source>
        <translation> ảnh</translation>
    </message>
    <message>
        <source> pass</source>
        <translation> epoch</translation>
    </message>
    <message>
        <source> passes</source>
        <translation> epoch</translation>
    </message>
    <message>
        <source>% of train</source>
        <translation>% ảnh huấn luyện</translation>
    </message>
    <message>
        <source>0 = off</source>
        <translation>0 = tắt</translation>
    </message>
    <message>
        <source>0.001</source>
        <translation>0,001</translation>
    </message>
    <message>
        <source>A Train form kept in the settings file could not be read: the lab preset is shown.</source>
        <translation>Không đọc được các cài đặt Huấn luyện lưu trong tệp cài đặt: đang hiện cấu hình mẫu (preset) của bài lab.</translation>
    </message>
    <message>
        <source>A run started with Train never changes its learning rate with this schedule: it first lowers it in epoch {first}, and the run ends after epoch {epochs}. Lower “{field}” below {epochs} or raise “{epochs_field}”.</source>
        <translation>Một lượt chạy bắt đầu bằng Huấn luyện sẽ không đổi tốc độ học với lịch này: lịch giảm tốc độ học lần đầu ở epoch {first}, mà lượt chạy kết thúc sau epoch {epochs}. Hãy giảm “{field}” xuống dưới {epochs} hoặc tăng “{epochs_field}”.</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Hàm kích hoạt (activation)</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>Tăng cường dữ liệu (augmentation)</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Kích thước batch (batch size)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Clip norm</source>
        <translation>Cắt gradient (clip norm)</translation>
    </message>
    <message>
        <source>Custom settings, edited from {preset}. Choose a preset above to start again from one.</source>
        <translation>Cài đặt tự chọn, sửa từ cấu hình mẫu {preset}. Chọn một cấu hình mẫu ở trên để bắt đầu lại từ nó.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Dữ liệu</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Mỗi</translation>
    </message>
    <message>
        <source>Gradient descent (full batch) takes the whole training split at each step: choose another optimizer (SGD, Adam…) for batches.</source>
        <translation>Hạ gradient trên cả tập (full batch) dùng toàn bộ phần huấn luyện ở mỗi bước: hãy chọn bộ tối ưu khác (SGD, Adam…) để chia batch.</translation>
    </message>
    <message>
        <source>Image folder (one sub-folder per class)</source>
        <translation>Thư mục ảnh (mỗi lớp một thư mục con)</translation>
    </message>
    <message>
        <source>Image folder…</source>
        <translation>Thư mục ảnh…</translation>
    </message>
    <message>
        <source>Keep for</source>
        <translation>Giữ trong</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Tốc độ học (learning rate)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Hàm mất mát (loss)</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Quán tính (momentum)</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Mạng</translation>
    </message>
    <message>
        <source>Not while training: {reason}.</source>
        <translation>Không đổi được khi đang huấn luyện: {reason}.</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>Tối ưu</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Bộ tối ưu (optimizer)</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Cấu hình mẫu (preset)</translation>
    </message>
    <message>
        <source>Share of sketches</source>
        <translation>Tỉ lệ hình vẽ phác</translation>
    </message>
    <message>
        <source>Test accuracy we measured: {figure} (seed 0); seeds 0–{last} gave {low} to {high}, and the number of threads and the CPU move a run within such a band too.</source>
        <translation>Độ chính xác trên tập kiểm tra chúng tôi đo được: {figure} (hạt giống 0); các hạt giống 0–{last} cho từ {low} đến {high}, và số luồng cùng loại CPU cũng làm một lượt chạy xê dịch trong khoảng như vậy.</translation>
    </message>
    <message>
        <source>Test accuracy we measured: {figure}.</source>
        <translation>Độ chính xác trên tập kiểm tra chúng tôi đo được: {figure}.</translation>
    </message>
    <message>
        <source>Test accuracy we measured: {figure}; {other} on a CPU with AVX-512, whose arithmetic rounds in another order.</source>
        <translation>Độ chính xác trên tập kiểm tra chúng tôi đo được: {figure}; {other} trên CPU có AVX-512, vốn làm tròn các phép tính theo thứ tự khác.</translation>
    </message>
    <message>
        <source>The Train form kept in the settings file had values that could not be read ({fields}): those fields show their defaults.</source>
        <translation>Các cài đặt Huấn luyện lưu trong tệp cài đặt có giá trị không đọc được ({fields}): các ô đó hiện giá trị mặc định.</translation>
    </message>
    <message>
        <source>The lab it beats: {figure}.</source>
        <translation>Bài lab mà cấu hình này vượt qua: {figure}.</translation>
    </message>
    <message>
        <source>The lab: {figure}.</source>
        <translation>Bài lab: {figure}.</translation>
    </message>
    <message>
        <source>The learning rate each epoch of a run started with Train trains at, as these settings plan it: it follows the fields above as they change. A rate set by hand during the run stops the schedule.</source>
        <translation>Tốc độ học mà mỗi epoch của một lượt chạy bắt đầu bằng Huấn luyện sẽ dùng, theo kế hoạch của các cài đặt này: nó đổi theo các ô ở trên khi chúng thay đổi. Một tốc độ học đặt bằng tay trong lượt chạy sẽ dừng lịch.</translation>
    </message>
    <message>
        <source>The net was built without dropout, so its rate cannot change in this run.</source>
        <translation>Mạng được dựng không có dropout, nên không đổi được tỉ lệ dropout trong lượt chạy này.</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Kiểm định (validation)</translation>
    </message>
    <message>
        <source>While training, only the settings this run can change stay editable (press “Apply to run”); the greyed-out ones fix the network or the data: point at one for why.</source>
        <translation>Khi đang huấn luyện, chỉ các cài đặt mà lượt chạy này đổi được mới sửa được (bấm “Áp dụng vào lượt chạy”); các ô bị làm mờ cố định mạng hoặc dữ liệu: trỏ vào một ô để biết lý do.</translation>
    </message>
    <message>
        <source>a folder with one sub-folder of images per class</source>
        <translation>một thư mục có mỗi lớp một thư mục con chứa ảnh</translation>
    </message>
    <message>
        <source>a lab experiment&apos;s settings in one go; editing any field makes it custom</source>
        <translation>cài đặt của một thí nghiệm trong bài lab, một lần cho tất cả; sửa bất kỳ ô nào sẽ thành cấu hình mẫu tự chọn</translation>
    </message>
    <message>
        <source>change the learning rate with “LR now” beside the run buttons</source>
        <translation>đổi tốc độ học bằng ô “LR hiện tại” cạnh các nút chạy</translation>
    </message>
    <message>
        <source>choose the image folder</source>
        <translation>chọn thư mục ảnh</translation>
    </message>
    <message>
        <source>default</source>
        <translation>mặc định</translation>
    </message>
    <message>
        <source>e.g. 784-64-64-10</source>
        <translation>ví dụ 784-64-64-10</translation>
    </message>
    <message>
        <source>fixed while the run trains: it decides the network, the data or the optimiser; stop the run to change it</source>
        <translation>cố định khi đang huấn luyện: nó quyết định mạng, dữ liệu hoặc bộ tối ưu; dừng lượt chạy để đổi</translation>
    </message>
    <message>
        <source>folder with one sub-folder per class</source>
        <translation>thư mục có mỗi lớp một thư mục con</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>cả tập (full batch)</translation>
    </message>
    <message>
        <source>last layer set to {classes}: the folder has {classes} classes</source>
        <translation>đã đặt tầng cuối là {classes}: thư mục có {classes}&#xa0;lớp</translation>
    </message>
    <message>
        <source>same seed + same settings = the same first weights and the same batches. A CNN or a wide network may be split over more cores when the machine is quiet, which sums in another order and ends slightly elsewhere; nndesk train --threads 1 repeats a run exactly</source>
        <translation>cùng hạt giống (seed) + cùng cài đặt = cùng trọng số ban đầu và cùng các batch. Một CNN hoặc một mạng rộng có thể được chia cho nhiều lõi hơn khi máy rảnh, các phần cộng theo thứ tự khác và kết quả cuối hơi khác đi; nndesk train --threads 1 lặp lại đúng một lượt chạy</translation>
    </message>
    <message>
        <source>shift, rotate, zoom a little</source>
        <translation>dịch, xoay, phóng to thu nhỏ một chút</translation>
    </message>
    <message>
        <source>test accuracy every epoch</source>
        <translation>độ chính xác kiểm tra mỗi epoch</translation>
    </message>
    <message>
        <source>{arch} → {count} parameters</source>
        <translation>{arch} → {count}&#xa0;tham số</translation>
    </message>
    <message>
        <source>{datasets}, or a folder with one sub-folder of images per class</source>
        <translation>{datasets}, hoặc một thư mục có mỗi lớp một thư mục con chứa ảnh</translation>
    </message>
    <message>
        <source>{optimizer} has no momentum field: only SGD with momentum or Nesterov has one.</source>
        <translation>{optimizer} không có ô quán tính (momentum): chỉ SGD + quán tính hoặc Nesterov mới có.</translation>
    </message>
    <message>
        <source>— custom —</source>
        <translation>— tự chọn —</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>Calibrating the probabilities…</source>
        <translation>Đang hiệu chỉnh (calibration) xác suất…</translation>
    </message>
    <message>
        <source>Loading {name}…</source>
        <translation>Đang nạp {name}…</translation>
    </message>
    <message>
        <source>Preparing the network…</source>
        <translation>Đang chuẩn bị mạng…</translation>
    </message>
    <message>
        <source>Saving the model…</source>
        <translation>Đang lưu mô hình…</translation>
    </message>
    <message>
        <source>Testing the model…</source>
        <translation>Đang kiểm tra mô hình…</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Đang huấn luyện…</translation>
    </message>
    <message>
        <source>it is a file, not a folder</source>
        <translation>đó là một tệp, không phải thư mục</translation>
    </message>
    <message>
        <source>training failed: {reason}</source>
        <translation>huấn luyện thất bại: {reason}</translation>
    </message>
    <message>
        <source>training ran out of memory; try a smaller network or batch</source>
        <translation>huấn luyện hết bộ nhớ; hãy thử mạng nhỏ hơn hoặc batch nhỏ hơn</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source> (schedule: constant)</source>
        <translation> (lịch tốc độ học: không đổi)</translation>
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
        <source>A race is running on the Race tab</source>
        <translation>Một cuộc đua đang chạy ở thẻ Đua</translation>
    </message>
    <message>
        <source>A race ran in this window · its lanes are on the Race tab</source>
        <translation>Một cuộc đua đã chạy trong cửa sổ này · các làn của nó ở thẻ Đua</translation>
    </message>
    <message>
        <source>A race ran in this window · the latest run ({started}): {title}</source>
        <translation>Một cuộc đua đã chạy trong cửa sổ này · lượt gần nhất ({started}): {title}</translation>
    </message>
    <message>
        <source>A training run is going: stop it before a race.</source>
        <translation>Đang có một lượt huấn luyện: hãy dừng nó trước khi đua.</translation>
    </message>
    <message>
        <source>Apply to run</source>
        <translation>Áp dụng vào lượt chạy</translation>
    </message>
    <message>
        <source>Cannot continue: the run needs {title}; see the banner under Train</source>
        <translation>Không thể huấn luyện tiếp: lượt chạy cần {title}; xem dải thông báo</translation>
    </message>
    <message>
        <source>Cannot make a run folder in {folder} ({reason}). The run trains all the same; its model will be saved as {saved}, and its curves are not kept after it.</source>
        <translation>Không tạo được thư mục cho lượt chạy trong {folder} ({reason}). Lượt chạy vẫn huấn luyện bình thường; mô hình sẽ được lưu thành {saved}, còn các đường cong không được giữ lại sau đó.</translation>
    </message>
    <message>
        <source>Cannot train: a {title} file cannot be read; see the banner under Train</source>
        <translation>Không thể huấn luyện: một tệp {title} không đọc được; xem dải thông báo</translation>
    </message>
    <message>
        <source>Cannot train: the data folder holds {other}, not {title}; see the banner under Train</source>
        <translation>Không thể huấn luyện: thư mục chứa {other}, không phải {title}</translation>
    </message>
    <message>
        <source>Cannot train: {title} files are missing; see the banner under Train</source>
        <translation>Không thể huấn luyện: thiếu tệp {title}; xem dải thông báo</translation>
    </message>
    <message>
        <source>Cannot train: {title} files are missing; the dialog says which</source>
        <translation>Không thể huấn luyện: thiếu tệp {title}; hộp thoại cho biết tệp nào</translation>
    </message>
    <message>
        <source>Choose settings and press Train.</source>
        <translation>Chọn cài đặt rồi bấm Huấn luyện.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Huấn luyện tiếp</translation>
    </message>
    <message>
        <source>Continue trains this model further; Train starts a new one.</source>
        <translation>“Huấn luyện tiếp” huấn luyện thêm mô hình này; “Huấn luyện” bắt đầu một mô hình mới.</translation>
    </message>
    <message>
        <source>Continue trains {name} further</source>
        <translation>Huấn luyện tiếp sẽ huấn luyện thêm {name}</translation>
    </message>
    <message>
        <source>Continue trains {name} further, on {title}</source>
        <translation>Huấn luyện tiếp sẽ huấn luyện thêm {name}, trên {title}</translation>
    </message>
    <message>
        <source>Continue trains {run} further on {title}, the data it learnt from, but the data folder {folder} holds {other}. Download {title}, or choose a folder holding it.</source>
        <translation>Huấn luyện tiếp sẽ huấn luyện thêm {run} trên {title}, dữ liệu nó đã học, nhưng thư mục dữ liệu {folder} chứa {other}. Hãy tải {title}, hoặc chọn một thư mục có dữ liệu này.</translation>
    </message>
    <message>
        <source>Continue trains {run} further on {title}, the data it learnt from: it is neither in the data folder {folder} nor downloaded. Download {title}, or choose a folder holding it.</source>
        <translation>Huấn luyện tiếp sẽ huấn luyện thêm {run} trên {title}, dữ liệu nó đã học: dữ liệu này không có trong thư mục dữ liệu {folder} và cũng chưa được tải về. Hãy tải {title}, hoặc chọn một thư mục có dữ liệu này.</translation>
    </message>
    <message>
        <source>Continue trains {run} further on {title}, the data it learnt from: it is not downloaded yet. Download {title}, or choose a folder holding it.</source>
        <translation>Huấn luyện tiếp sẽ huấn luyện thêm {run} trên {title}, dữ liệu nó đã học: dữ liệu này chưa được tải về. Hãy tải {title}, hoặc chọn một thư mục có dữ liệu này.</translation>
    </message>
    <message>
        <source>Continued after epoch {done}, then diverged in epoch {epoch}: {settings}</source>
        <translation>Đã tiếp tục sau epoch {done}, rồi phân kỳ ở epoch {epoch}: {settings}</translation>
    </message>
    <message>
        <source>Continued from epoch {epoch}, keeping {kept}: {settings}</source>
        <translation>Đã tiếp tục từ epoch {epoch}, giữ {kept}: {settings}</translation>
    </message>
    <message>
        <source>Continued from epoch {epoch}: {settings}</source>
        <translation>Đã tiếp tục từ epoch {epoch}: {settings}</translation>
    </message>
    <message>
        <source>Continued from the start of epoch 1, then diverged in epoch {epoch}: {settings}</source>
        <translation>Đã tiếp tục từ đầu epoch 1, rồi phân kỳ ở epoch {epoch}: {settings}</translation>
    </message>
    <message>
        <source>Continued part way into epoch {first}, then diverged in epoch {epoch}: {settings}</source>
        <translation>Đã tiếp tục từ giữa epoch {first}, rồi phân kỳ ở epoch {epoch}: {settings}</translation>
    </message>
    <message>
        <source>Continues 1 more epoch, to epoch {last}, as Optimisation &gt; Epochs says.</source>
        <translation>Huấn luyện thêm 1&#xa0;epoch, đến epoch {last}, theo số ở Tối&#xa0;ưu&#xa0;&gt;&#xa0;Epoch.</translation>
    </message>
    <message>
        <source>Continues 1 more epoch, to epoch {last}, as you chose.</source>
        <translation>Huấn luyện thêm 1&#xa0;epoch, đến epoch {last}, như bạn đã chọn.</translation>
    </message>
    <message>
        <source>Continues with the run&apos;s own settings: the form was set for {dataset}, not for the data this model learnt from.</source>
        <translation>Huấn luyện tiếp với các thiết lập của chính lượt chạy: các cài đặt trên trang Huấn luyện đang dành cho {dataset}, không phải cho dữ liệu mô hình này đã học.</translation>
    </message>
    <message>
        <source>Continues with the settings the last run ended with: {settings}</source>
        <translation>Huấn luyện tiếp với các thiết lập lúc lượt trước kết thúc: {settings}</translation>
    </message>
    <message>
        <source>Continues {n} more epochs, to epoch {last}, as Optimisation &gt; Epochs says.</source>
        <translation>Huấn luyện thêm {n}&#xa0;epoch, đến epoch {last}, theo số ở Tối&#xa0;ưu&#xa0;&gt;&#xa0;Epoch.</translation>
    </message>
    <message>
        <source>Continues {n} more epochs, to epoch {last}, as you chose.</source>
        <translation>Huấn luyện thêm {n}&#xa0;epoch, đến epoch {last}, như bạn đã chọn.</translation>
    </message>
    <message>
        <source>Continuing from epoch {epoch}, keeping {kept}: {settings}</source>
        <translation>Tiếp tục từ epoch {epoch}, giữ {kept}: {settings}</translation>
    </message>
    <message>
        <source>Continuing from epoch {epoch}: {settings}</source>
        <translation>Tiếp tục từ epoch {epoch}: {settings}</translation>
    </message>
    <message>
        <source>Could not continue</source>
        <translation>Không huấn luyện tiếp được</translation>
    </message>
    <message>
        <source>Could not continue: {message}</source>
        <translation>Không huấn luyện tiếp được: {message}</translation>
    </message>
    <message>
        <source>Could not save the model in its run folder {folder} ({reason}); saved it to {saved} instead.</source>
        <translation>Không lưu được mô hình vào thư mục của lượt chạy {folder} ({reason}); đã lưu vào {saved}.</translation>
    </message>
    <message>
        <source>Could not write the run&apos;s record in {folder} ({reason}).</source>
        <translation>Không ghi được hồ sơ của lượt chạy trong {folder} ({reason}).</translation>
    </message>
    <message>
        <source>Could not write the run&apos;s record in {folder} ({reason}); training goes on.</source>
        <translation>Không ghi được hồ sơ của lượt chạy trong {folder} ({reason}); quá trình huấn luyện vẫn tiếp tục.</translation>
    </message>
    <message>
        <source>Diverged</source>
        <translation>Phân kỳ</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{last}  ·  batch {batch}/{per_epoch}  ·  {p}</source>
        <translation>Epoch {epoch}/{last}  ·  batch {batch}/{per_epoch}  ·  {p}</translation>
    </message>
    <message>
        <source>Every batch trains at lr {lr:g}.</source>
        <translation>Tốc độ học {lr:g} cho mọi batch.</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Xuất PNG…</translation>
    </message>
    <message>
        <source>Export curves</source>
        <translation>Xuất đồ thị</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Xuất lịch sử</translation>
    </message>
    <message>
        <source>Failed: {message}</source>
        <translation>Thất bại: {message}</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Hoàn tất</translation>
    </message>
    <message>
        <source>Fix {fields} (marked in red below), then press Train.</source>
        <translation>Hãy sửa {fields} (tô đỏ bên dưới), rồi bấm Huấn luyện.</translation>
    </message>
    <message>
        <source>From the next batch: the learning-rate schedule “{schedule}” sets the rate again, as before it was set by hand</source>
        <translation>Từ batch kế tiếp: lịch tốc độ học “{schedule}” lại đặt tốc độ học, như trước khi nó được đặt bằng tay</translation>
    </message>
    <message>
        <source>From the next batch: {changes}</source>
        <translation>Từ batch kế tiếp: {changes}</translation>
    </message>
    <message>
        <source>From the next batch: {changes}; from the next epoch: {later}</source>
        <translation>Từ batch kế tiếp: {changes}; từ epoch kế tiếp: {later}</translation>
    </message>
    <message>
        <source>From the next batch: {changes}; the learning-rate schedule “{schedule}” no longer changes the rate in this run</source>
        <translation>Từ batch kế tiếp: {changes}; lịch tốc độ học “{schedule}” không còn đổi tốc độ học của lượt chạy này nữa</translation>
    </message>
    <message>
        <source>From the next epoch: {later}</source>
        <translation>Từ epoch kế tiếp: {later}</translation>
    </message>
    <message>
        <source>Get the data first (below), then press Continue.</source>
        <translation>Hãy lấy dữ liệu trước (bên dưới), rồi bấm Huấn luyện tiếp.</translation>
    </message>
    <message>
        <source>Get the data first (below), then press Train.</source>
        <translation>Hãy lấy dữ liệu trước (bên dưới), rồi bấm Huấn luyện.</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>Bên trong</translation>
    </message>
    <message>
        <source>Its lane {lane} is not kept: a lane becomes a run only by its Keep button. Yes keeps it as a run, No quits without it.</source>
        <translation>Làn {lane} của nó chưa được giữ lại: một làn chỉ thành lượt chạy khi bấm nút Giữ lại của nó. Có: giữ nó thành một lượt chạy; Không: thoát mà không giữ.</translation>
    </message>
    <message>
        <source>Its lanes are not kept: a lane becomes a run only by its Keep button once the race is over. No lets the race go on.</source>
        <translation>Các làn của nó không được giữ lại: một làn chỉ thành lượt chạy khi bấm nút Giữ lại của nó sau khi cuộc đua kết thúc. Chọn Không thì cuộc đua tiếp tục.</translation>
    </message>
    <message>
        <source>Its {count} lanes are not kept ({lanes}): a lane becomes a run only by its Keep button. Yes keeps them as runs, No quits without them.</source>
        <translation>{count} làn của nó chưa được giữ lại ({lanes}): một làn chỉ thành lượt chạy khi bấm nút Giữ lại của nó. Có: giữ chúng thành các lượt chạy; Không: thoát mà không giữ.</translation>
    </message>
    <message>
        <source>Keep the finished race&apos;s lanes before quitting?</source>
        <translation>Giữ lại các làn của cuộc đua đã kết thúc trước khi thoát?</translation>
    </message>
    <message>
        <source>Keeping the race&apos;s lanes, then quitting…</source>
        <translation>Đang giữ lại các làn của cuộc đua, rồi thoát…</translation>
    </message>
    <message>
        <source>LR now</source>
        <translation>Tốc độ học</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Trực tiếp</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>Nạp mô hình</translation>
    </message>
    <message>
        <source>Load model…</source>
        <translation>Nạp mô hình…</translation>
    </message>
    <message>
        <source>Loss per batch: the light line is each batch&apos;s loss; the dark one is the mean of the batches around each point (a tenth of the batches trained so far on each side, at most a tenth of an epoch), so it runs through the middle of them; at the newest end, the mean of the last ones. Per epoch: the loss and accuracy at the end of each epoch.</source>
        <translation>Mất mát theo batch: đường nhạt là mất mát của từng batch; đường đậm là trung bình các batch quanh mỗi điểm (mỗi bên một phần mười số batch đã huấn luyện, tối đa một phần mười epoch), nên nó đi qua giữa các điểm; ở đầu mới nhất là trung bình các batch cuối. Theo epoch: mất mát và độ chính xác ở cuối mỗi epoch.</translation>
    </message>
    <message>
        <source>Model in use: {name}</source>
        <translation>Mô hình đang dùng: {name}</translation>
    </message>
    <message>
        <source>Model saved: {path}</source>
        <translation>Đã lưu mô hình: {path}</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Needs a dataset</source>
        <translation>Cần một tập dữ liệu</translation>
    </message>
    <message>
        <source>No model saved: the run diverged. Its curves are kept in the run history.</source>
        <translation>Không lưu mô hình vì lượt chạy đã phân kỳ; các đường cong vẫn được giữ.</translation>
    </message>
    <message>
        <source>No run</source>
        <translation>Chưa có lượt chạy</translation>
    </message>
    <message>
        <source>No run going</source>
        <translation>Không có lượt chạy nào đang chạy</translation>
    </message>
    <message>
        <source>No run yet</source>
        <translation>Chưa có lượt chạy nào</translation>
    </message>
    <message>
        <source>No run yet in this window · the latest ({started}) was interrupted: {title}</source>
        <translation>Chưa có lượt chạy nào trong cửa sổ này · lượt gần nhất ({started}) đã bị ngắt: {title}</translation>
    </message>
    <message>
        <source>No run yet in this window · the latest ({started}): {title}</source>
        <translation>Chưa có lượt chạy nào trong cửa sổ này · lượt gần nhất ({started}): {title}</translation>
    </message>
    <message>
        <source>Not applied yet: {changes} (press “{apply}” to use it)</source>
        <translation>Chưa áp dụng: {changes} (nhấn “{apply}” để dùng)</translation>
    </message>
    <message>
        <source>Not tested: the run diverged.</source>
        <translation>Không kiểm tra: lượt chạy đã phân kỳ.</translation>
    </message>
    <message>
        <source>Not used: {changes}. The run ended before its next batch.</source>
        <translation>Không dùng: {changes}. Lượt chạy đã kết thúc trước batch kế tiếp.</translation>
    </message>
    <message>
        <source>Nothing to apply: the Settings tab&apos;s momentum, L2, dropout, batch size and augmentation are the run&apos;s already. A learning rate typed beside the buttons is sent with “{set_lr}”.</source>
        <translation>Không có gì để áp dụng: quán tính, L2, dropout, kích thước batch và tăng cường dữ liệu ở thẻ Cài đặt đã giống của lượt chạy. Tốc độ học gõ cạnh các nút được gửi bằng nút “{set_lr}”.</translation>
    </message>
    <message>
        <source>PAUSED  ·  loss {loss}  ·  accuracy {accuracy}</source>
        <translation>TẠM DỪNG  ·  mất mát {loss}  ·  độ chính xác {accuracy}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Tạm dừng</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Tạm dừng</translation>
    </message>
    <message>
        <source>Paused  ·  {where}</source>
        <translation>Tạm dừng  ·  {where}</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Quitting once the model is saved (its test is skipped)…</source>
        <translation>Sẽ thoát khi mô hình được lưu xong (bỏ qua bước kiểm tra)…</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>Đua</translation>
    </message>
    <message>
        <source>Race running</source>
        <translation>Đang đua</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Đang đọc {name}…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Sẵn sàng</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Xem lại</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Lượt chạy</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>Lưu mô hình</translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation>Lưu mô hình…</translation>
    </message>
    <message>
        <source>Set LR</source>
        <translation>Đặt</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Settings to fix</source>
        <translation>Cần sửa cài đặt</translation>
    </message>
    <message>
        <source>Show the folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <source>Slow motion</source>
        <translation>Chạy chậm</translation>
    </message>
    <message>
        <source>Speed, loss and accuracy appear after the first batch.</source>
        <translation>Tốc độ, mất mát, độ chính xác: hiện sau batch đầu tiên.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Đang bắt đầu…</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Từng bước</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Stop the race and quit?</source>
        <translation>Dừng cuộc đua và thoát?</translation>
    </message>
    <message>
        <source>Stop training and quit?</source>
        <translation>Dừng huấn luyện và thoát?</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Đã dừng</translation>
    </message>
    <message>
        <source>Stopped before training began</source>
        <translation>Đã dừng trước khi bắt đầu huấn luyện</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
    <message>
        <source>Test accuracy {accuracy}</source>
        <translation>Độ chính xác kiểm tra {accuracy}</translation>
    </message>
    <message>
        <source>Test accuracy {accuracy} on {dataset}</source>
        <translation>Độ chính xác kiểm tra {accuracy} trên {dataset}</translation>
    </message>
    <message>
        <source>Test accuracy {accuracy} on {dataset} · model saved in the run history</source>
        <translation>Độ chính xác kiểm tra {accuracy} trên {dataset} · mô hình được lưu trong lịch sử lượt chạy</translation>
    </message>
    <message>
        <source>Test accuracy {accuracy} on {dataset} · model saved to {path}</source>
        <translation>Độ chính xác kiểm tra {accuracy} trên {dataset} · mô hình được lưu vào {path}</translation>
    </message>
    <message>
        <source>Test accuracy {accuracy} on {dataset} — {lab}</source>
        <translation>Độ chính xác kiểm tra {accuracy} trên {dataset} — {lab}</translation>
    </message>
    <message>
        <source>Test accuracy {accuracy} on {n} test images</source>
        <translation>Độ chính xác kiểm tra {accuracy} trên {n}&#xa0;ảnh kiểm tra</translation>
    </message>
    <message>
        <source>The Train form keeps the running run&apos;s settings; this mode&apos;s form comes back when the run ends.</source>
        <translation>Trang Huấn luyện giữ các cài đặt của lượt chạy đang chạy; các cài đặt của chế độ này sẽ trở lại khi lượt chạy kết thúc.</translation>
    </message>
    <message>
        <source>The coach sees no problem in this run&apos;s curves.</source>
        <translation>Trợ lý không thấy vấn đề gì trong các đường cong của lượt chạy này.</translation>
    </message>
    <message>
        <source>The latest run ({started}) was interrupted: {title}</source>
        <translation>Lượt gần nhất ({started}) đã bị ngắt: {title}</translation>
    </message>
    <message>
        <source>The latest run ({started}): {title}</source>
        <translation>Lượt gần nhất ({started}): {title}</translation>
    </message>
    <message>
        <source>The learning rate of each epoch, at the epoch&apos;s end as on the charts above: the dashed line (planned) is the schedule&apos;s plan, the dots (used) the rate each epoch trained at (its last batch&apos;s), a dotted line a rate set by hand, which stops the schedule: the plan ends there.</source>
        <translation>Tốc độ học của mỗi epoch, vẽ ở cuối epoch như trên các biểu đồ phía trên: nét đứt (theo kế hoạch) là kế hoạch của lịch, các chấm (đã dùng) là tốc độ học mỗi epoch đã dùng (của batch cuối của nó), một đường chấm chấm là tốc độ học đặt bằng tay, điều này dừng lịch: kế hoạch kết thúc ở đó.</translation>
    </message>
    <message>
        <source>The model is no longer there: {path}</source>
        <translation>Mô hình không còn ở đó nữa: {path}</translation>
    </message>
    <message>
        <source>The run did not start</source>
        <translation>Lượt chạy không bắt đầu được</translation>
    </message>
    <message>
        <source>The run did not start · the curves below are the last run&apos;s</source>
        <translation>Lượt chạy không bắt đầu được · các đồ thị bên dưới là của lượt chạy trước</translation>
    </message>
    <message>
        <source>The run diverged: {message}.</source>
        <translation>Lượt chạy đã phân kỳ: {message}.</translation>
    </message>
    <message>
        <source>The run has ended. Its curves and results stay on the Train page of {mode}.</source>
        <translation>Lượt chạy đã kết thúc. Các đường cong và kết quả của nó vẫn ở trang Huấn luyện của chế độ {mode}.</translation>
    </message>
    <message>
        <source>The run has finished training. nndesk quits by itself once its model is tested and saved (a few seconds). Yes quits sooner: the model is saved without its test (Evaluate measures it later); nothing of it is lost. No keeps the window open.</source>
        <translation>Lượt chạy đã huấn luyện xong. nndesk tự thoát khi mô hình của nó được kiểm tra và lưu xong (vài giây). Chọn Có để thoát sớm hơn: mô hình được lưu mà không kiểm tra (Đánh giá sẽ đo sau); không mất gì của lượt chạy. Chọn Không để giữ cửa sổ mở.</translation>
    </message>
    <message>
        <source>The run is over and saved. Quit nndesk?</source>
        <translation>Lượt chạy đã xong và đã được lưu. Thoát nndesk?</translation>
    </message>
    <message>
        <source>The schedule “{schedule}” runs again over epochs {first}–{last}: epoch {first} trains at lr {lr:g}.</source>
        <translation>Lịch tốc độ học “{schedule}” chạy lại trên các epoch {first}–{last}: epoch {first} có tốc độ học {lr:g}.</translation>
    </message>
    <message>
        <source>The schedule “{schedule}” runs over epochs 1–{last}: epoch {first} trains at lr {lr:g}.</source>
        <translation>Lịch tốc độ học “{schedule}” trải trên các epoch 1–{last}: epoch {first} có tốc độ học {lr:g}.</translation>
    </message>
    <message>
        <source>The schedule “{schedule}” starts again over epochs 1–{last}: epoch {first} trains at lr {lr:g}, {times:g}× the {ended:.3g} the run ended with.</source>
        <translation>Lịch tốc độ học “{schedule}” bắt đầu lại trên các epoch 1–{last}: epoch {first} có tốc độ học {lr:g}, gấp {times:g}&#xa0;lần mức {ended:.3g} mà lượt chạy kết thúc.</translation>
    </message>
    <message>
        <source>The temporary folder may be emptied when the computer restarts: use Save model… to keep a copy.</source>
        <translation>Thư mục tạm có thể bị xoá sạch khi máy khởi động lại: hãy dùng Lưu mô hình… để giữ một bản sao.</translation>
    </message>
    <message>
        <source>To epoch end</source>
        <translation>Đến hết epoch</translation>
    </message>
    <message>
        <source>To the end of epoch {epoch}  ·  {where}</source>
        <translation>Đến hết epoch {epoch}  ·  {where}</translation>
    </message>
    <message>
        <source>To train it further: Runs tab, select it, Use model, then Continue</source>
        <translation>Để huấn luyện thêm: thẻ Lượt chạy, chọn nó, bấm Dùng mô hình rồi Huấn luyện tiếp</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Huấn luyện</translation>
    </message>
    <message>
        <source>Train waits for the race to end.</source>
        <translation>Huấn luyện chờ cuộc đua kết thúc.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Huấn luyện</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Đang huấn luyện…</translation>
    </message>
    <message>
        <source>Waiting for the first curves…</source>
        <translation>Đang chờ các đường cong đầu tiên…</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>Đã ghi {path}</translation>
    </message>
    <message>
        <source>Yes keeps the network as trained by then (it is in epoch {epoch} of {epochs} now) as a run, with its curves: Train &gt; Runs lists it and can put its model in use. Quitting skips its test, so its test accuracy is not measured (Evaluate measures it later).</source>
        <translation>Chọn Có thì mạng như đã huấn luyện đến lúc đó (bây giờ đang ở epoch {epoch}/{epochs}) được giữ lại thành một lượt chạy, cùng các đồ thị: Huấn luyện &gt; Lượt chạy liệt kê nó và có thể dùng mô hình của nó. Thoát thì bỏ qua bước kiểm tra, nên độ chính xác kiểm tra của nó chưa được đo (trang Đánh giá đo sau).</translation>
    </message>
    <message>
        <source>a race is going (Race tab): stop it to train</source>
        <translation>đang có một cuộc đua (thẻ Đua): dừng nó để huấn luyện</translation>
    </message>
    <message>
        <source>apply the coach&apos;s suggested change to the running training</source>
        <translation>áp dụng thay đổi mà trợ lý gợi ý cho lần huấn luyện đang chạy</translation>
    </message>
    <message>
        <source>by you, after epoch {done}</source>
        <translation>theo yêu cầu, sau epoch {done}</translation>
    </message>
    <message>
        <source>by you, after epoch {done} and {batches}</source>
        <translation>theo yêu cầu, sau epoch {done} và {batches}</translation>
    </message>
    <message>
        <source>by you, after {batches}</source>
        <translation>theo yêu cầu, sau {batches}</translation>
    </message>
    <message>
        <source>by you, before the first batch</source>
        <translation>theo yêu cầu, trước batch đầu tiên</translation>
    </message>
    <message>
        <source>change the learning rate while training (from the next batch)</source>
        <translation>đổi tốc độ học trong khi huấn luyện (từ batch kế tiếp)</translation>
    </message>
    <message>
        <source>could not export: {describe}</source>
        <translation>không xuất được: {describe}</translation>
    </message>
    <message>
        <source>could not export: {err}</source>
        <translation>không xuất được: {err}</translation>
    </message>
    <message>
        <source>could not save the model: {describe}</source>
        <translation>không lưu được mô hình: {describe}</translation>
    </message>
    <message>
        <source>curves</source>
        <extracomment>a file of curves with no run to name it after</extracomment>
        <translation>đường-cong</translation>
    </message>
    <message>
        <source>end after the current batch; the model is still saved</source>
        <translation>kết thúc sau batch hiện tại; mô hình vẫn được lưu</translation>
    </message>
    <message>
        <source>every past run: compare curves, reuse a model, export</source>
        <translation>mọi lượt chạy trước: so sánh đồ thị, dùng lại mô hình, xuất</translation>
    </message>
    <message>
        <source>everything about the next run: data, network, optimiser</source>
        <translation>mọi thứ của lượt chạy tới: dữ liệu, mạng, bộ tối ưu</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>tốc độ tối đa</translation>
    </message>
    <message>
        <source>hold training after the current batch; press again to go on</source>
        <translation>tạm dừng huấn luyện sau batch hiện tại; bấm lần nữa để tiếp tục</translation>
    </message>
    <message>
        <source>image folder</source>
        <translation>thư mục ảnh</translation>
    </message>
    <message>
        <source>inside the network while it learns: gradients, update sizes, dead units, weights</source>
        <translation>bên trong mạng khi nó học: gradient, độ lớn cập nhật, nơ-ron chết, trọng số</translation>
    </message>
    <message>
        <source>needs its dataset first: get it with the offer below (Download, Choose a folder…), then press Train</source>
        <translation>cần tập dữ liệu trước: hãy lấy nó bằng các nút bên dưới (Tải, Chọn thư mục…), rồi bấm Huấn luyện</translation>
    </message>
    <message>
        <source>new rate</source>
        <translation>tốc độ mới</translation>
    </message>
    <message>
        <source>nndesk did not quit, so nothing is lost. Make room or fix the folder, then quit again to keep it; or quit and answer No to leave it.</source>
        <translation>nndesk chưa thoát nên không mất gì. Hãy giải phóng chỗ trống hoặc sửa thư mục, rồi thoát lại để giữ nó; hoặc thoát và trả lời Không để bỏ nó.</translation>
    </message>
    <message>
        <source>open a .npz model to use it or to continue its training</source>
        <translation>mở một mô hình .npz để dùng hoặc để huấn luyện tiếp</translation>
    </message>
    <message>
        <source>open {folder} in the file manager</source>
        <translation>mở {folder} trong trình quản lý tệp</translation>
    </message>
    <message>
        <source>paused: train one batch, then hold again</source>
        <translation>khi tạm dừng: huấn luyện một batch rồi dừng lại</translation>
    </message>
    <message>
        <source>paused: train to the end of this epoch, then hold again (after the last epoch too: Resume then ends the run, tested and saved)</source>
        <translation>khi tạm dừng: huấn luyện đến hết epoch này rồi dừng lại (cả sau epoch cuối: bấm Tiếp tục để kết thúc lượt chạy, được kiểm tra và lưu)</translation>
    </message>
    <message>
        <source>predict with this run&apos;s model and open the Mistakes page on this class&apos;s test images (once the run&apos;s model is ready)</source>
        <translation>dự đoán bằng mô hình của lượt chạy này và mở trang Đoán sai với các ảnh kiểm tra của lớp này (khi mô hình của lượt chạy đã sẵn sàng)</translation>
    </message>
    <message>
        <source>save the trained model to a .npz file of your choice</source>
        <translation>lưu mô hình đã huấn luyện vào một tệp .npz bạn chọn</translation>
    </message>
    <message>
        <source>save these curves as a PNG image</source>
        <translation>lưu các đồ thị này thành ảnh PNG</translation>
    </message>
    <message>
        <source>scrub the run epoch by epoch: its confusion matrix and how it read your drawing</source>
        <translation>tua lượt chạy theo từng epoch: ma trận nhầm lẫn và cách nó đọc hình vẽ của bạn</translation>
    </message>
    <message>
        <source>slow motion, and Apply to run</source>
        <translation>chạy chậm, và Áp dụng vào lượt chạy</translation>
    </message>
    <message>
        <source>stopped after {done} of its {planned} epochs: the lab&apos;s figure is of a whole run</source>
        <translation>dừng sau {done} trên {planned}&#xa0;epoch: con số của bài lab là của cả lượt chạy</translation>
    </message>
    <message>
        <source>the lab it sets out to beat: {figure}</source>
        <translation>bài lab mà nó nhắm vượt qua: {figure}</translation>
    </message>
    <message>
        <source>the lab&apos;s figure is {figure}</source>
        <translation>bài lab đạt {figure}</translation>
    </message>
    <message>
        <source>the lab&apos;s figure is {figure} (its own settings)</source>
        <translation>bài lab đạt {figure} (cài đặt của nó)</translation>
    </message>
    <message>
        <source>the lab: {figure} (this run: {run} of {lab}, {settings})</source>
        <translation>bài lab: {figure} (ở đây: {run}/{lab}, {settings})</translation>
    </message>
    <message>
        <source>the lab: {figure} (this run: {settings})</source>
        <translation>bài lab: {figure} (ở đây: {settings})</translation>
    </message>
    <message>
        <source>the lab: {figure} after {lab} epochs (this run: {run})</source>
        <translation>bài lab: {figure} ({lab}&#xa0;epoch; ở đây: {run})</translation>
    </message>
    <message>
        <source>the latest run ({started}): {title}</source>
        <translation>lượt gần nhất ({started}): {title}</translation>
    </message>
    <message>
        <source>the run is past its last batch: its model is being tested and saved, nothing is left to pause, stop or step</source>
        <translation>lượt chạy đã qua batch cuối cùng: mô hình của nó đang được kiểm tra và lưu, không còn gì để tạm dừng, dừng hay chạy từng bước</translation>
    </message>
    <message>
        <source>the run of {started}</source>
        <translation>lượt chạy lúc {started}</translation>
    </message>
    <message>
        <source>the run {run}</source>
        <translation>lượt chạy {run}</translation>
    </message>
    <message>
        <source>the run&apos;s loss and accuracy curves, drawn as it trains</source>
        <translation>đồ thị mất mát và độ chính xác của lượt chạy, vẽ trong khi huấn luyện</translation>
    </message>
    <message>
        <source>train 2-4 configurations side by side on the same batches and compare them</source>
        <translation>huấn luyện song song 2-4 cấu hình trên cùng các batch và so sánh chúng</translation>
    </message>
    <message>
        <source>train a new network with these settings</source>
        <translation>huấn luyện một mạng mới với các cài đặt này</translation>
    </message>
    <message>
        <source>train the last model (this page&apos;s last run, or the one loaded) further: a run stopped before its last epoch goes on up to the number of epochs set in Optimisation &gt; Epochs (counted from its start); for a finished one it asks how many more epochs and which learning rate; its history and curves continue</source>
        <translation>huấn luyện tiếp mô hình gần nhất (lượt chạy cuối của trang này, hoặc mô hình đã nạp): lượt chạy dừng trước epoch cuối sẽ chạy tiếp đến số epoch đặt ở Tối&#xa0;ưu&#xa0;&gt;&#xa0;Epoch (đếm từ đầu lượt chạy); với mô hình đã huấn luyện xong, nó hỏi thêm bao nhiêu epoch và tốc độ học nào; lịch sử và đồ thị của nó được nối tiếp</translation>
    </message>
    <message>
        <source>trained 1 epoch</source>
        <translation>đã huấn luyện 1&#xa0;epoch</translation>
    </message>
    <message>
        <source>trained epoch {epoch}</source>
        <translation>đã huấn luyện epoch {epoch}</translation>
    </message>
    <message>
        <source>trained epochs {first} to {last}</source>
        <translation>đã huấn luyện epoch {first} đến {last}</translation>
    </message>
    <message>
        <source>trained {n} epochs</source>
        <translation>đã huấn luyện {n}&#xa0;epoch</translation>
    </message>
    <message>
        <source>use the rate typed beside it from the next batch on; a schedule then no longer changes the rate in this run</source>
        <translation>dùng tốc độ học gõ bên cạnh từ batch kế tiếp; sau đó lịch tốc độ học không còn đổi tốc độ học của lượt chạy này nữa</translation>
    </message>
    <message>
        <source>use the settings that stay editable while training (momentum, L2, dropout, batch size, augmentation) from the next batch on; a batch size from the next epoch</source>
        <translation>dùng các thiết lập vẫn sửa được khi huấn luyện (quán tính, L2, dropout, kích thước batch, tăng cường dữ liệu) từ batch kế tiếp; kích thước batch từ epoch kế tiếp</translation>
    </message>
    <message>
        <source>wait after every batch, to watch a small network learn</source>
        <translation>chờ sau mỗi batch để xem một mạng nhỏ học</translation>
    </message>
    <message>
        <source>{change} (set by hand; was {was})</source>
        <translation>{change} (đặt bằng tay; trước là {was})</translation>
    </message>
    <message>
        <source>{count}-runs</source>
        <extracomment>several runs&apos; files: their count (and their dataset, when they share one)</extracomment>
        <translation>{count}-lượt-chạy</translation>
    </message>
    <message>
        <source>{lr} (set by hand; schedule “{schedule}” off)</source>
        <translation>{lr} (đặt bằng tay; lịch “{schedule}” đã tắt)</translation>
    </message>
    <message>
        <source>{name}: its training settings are not usable ({err})</source>
        <translation>{name}: không dùng được cài đặt huấn luyện của nó ({err})</translation>
    </message>
    <message>
        <source>{name}: {dataset}, 1 epoch trained</source>
        <translation>{name}: {dataset}, đã huấn luyện 1&#xa0;epoch</translation>
    </message>
    <message>
        <source>{name}: {dataset}, {epochs} epochs trained</source>
        <translation>{name}: {dataset}, đã huấn luyện {epochs}&#xa0;epoch</translation>
    </message>
    <message>
        <source>{preset} reached {figure} on a CPU with AVX-512</source>
        <translation>{preset} đạt {figure} trên CPU có AVX-512</translation>
    </message>
    <message>
        <source>{preset} reached {figure} when we measured it</source>
        <translation>{preset} đạt {figure} khi chúng tôi đo</translation>
    </message>
    <message>
        <source>{runs}-curves</source>
        <extracomment>The names the curves and history files are proposed under, ``runs`` what they are of (``run_name``, or several counted), in the window&apos;s language: a diverged run&apos;s curves were proposed as &quot;model_untested-curves.png&quot; in a Vietnamese window (walk61)</extracomment>
        <translation>{runs}-đường-cong</translation>
    </message>
    <message>
        <source>{runs}-history</source>
        <translation>{runs}-lịch-sử</translation>
    </message>
    <message>
        <source>{speed} samples/s  ·  ETA {eta}  ·  loss {loss}  ·  accuracy {accuracy}</source>
        <translation>mất mát {loss}  ·  độ chính xác {accuracy}  ·  {speed}&#xa0;mẫu/giây  ·  còn {eta}</translation>
    </message>
    <message>
        <source>{speed} samples/s in slow motion  ·  ETA {eta}  ·  loss {loss}  ·  accuracy {accuracy}</source>
        <translation>mất mát {loss}  ·  độ chính xác {accuracy}  ·  {speed}&#xa0;mẫu/giây khi chạy chậm  ·  còn {eta}</translation>
    </message>
    <message>
        <source>{title} is ready</source>
        <translation>{title} đã sẵn sàng</translation>
    </message>
    <message>
        <source>{title} is ready: press Train</source>
        <translation>{title} đã sẵn sàng: bấm Huấn luyện</translation>
    </message>
    <message>
        <source>{verdict}: {message} · testing and saving the model…</source>
        <translation>{verdict}: {message} · đang kiểm tra và lưu mô hình…</translation>
    </message>
</context>
<context>
    <name>TrustView</name>
    <message>
        <source>&lt;b&gt;Can its answers be trusted?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Có tin được câu trả lời của nó không?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reliability&lt;/b&gt;: the test answers grouped by how sure the model was; when answers given at 80% are right 80% of the time, the bars reach the diagonal. &lt;b&gt;ECE&lt;/b&gt; (expected calibration error, 15 bins): the average gap, 0 is perfect. &lt;b&gt;T&lt;/b&gt;: the temperature fitted on held-out images that divides each output before its sigmoid (this model scores each class on its own, so its probabilities need not add up to 100%); T = 1 leaves them as they are.</source>
        <translation>&lt;b&gt;Độ tin cậy (reliability)&lt;/b&gt;: các câu trả lời trên tập kiểm tra được nhóm theo mức chắc chắn của mô hình; khi các câu trả lời ở mức 80% đúng 80% số lần, các cột chạm đường chéo. &lt;b&gt;ECE&lt;/b&gt; (sai số hiệu chỉnh kỳ vọng, 15 khoảng): khoảng lệch trung bình, 0 là hoàn hảo. &lt;b&gt;T&lt;/b&gt;: nhiệt độ được khớp trên các ảnh để riêng, chia từng đầu ra trước hàm sigmoid của nó (mô hình này chấm điểm từng lớp riêng rẽ, nên các xác suất của nó không nhất thiết cộng lại thành 100%); T = 1 giữ nguyên chúng.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reliability&lt;/b&gt;: the test answers grouped by how sure the model was; when answers given at 80% are right 80% of the time, the bars reach the diagonal. &lt;b&gt;ECE&lt;/b&gt; (expected calibration error, 15 bins): the average gap, 0 is perfect. &lt;b&gt;T&lt;/b&gt;: the temperature fitted on held-out images that divides the outputs before softmax.</source>
        <translation>&lt;b&gt;Độ tin cậy (reliability)&lt;/b&gt;: các câu trả lời trên tập kiểm tra được nhóm theo mức chắc chắn của mô hình; khi các câu trả lời ở mức 80% đúng 80% số lần, các cột chạm đường chéo. &lt;b&gt;ECE&lt;/b&gt; (sai số hiệu chỉnh kỳ vọng, 15 khoảng): khoảng lệch trung bình, 0 là hoàn hảo. &lt;b&gt;T&lt;/b&gt;: nhiệt độ được khớp trên các ảnh để riêng, chia đầu ra trước softmax.</translation>
    </message>
    <message>
        <source>Accuracy on {n} test images damaged at each level (the same images for every level; the command “nndesk evaluate --robustness” takes 1,000 or more).</source>
        <translation>Độ chính xác (accuracy) trên {n}&#xa0;ảnh kiểm tra bị làm hỏng ở mỗi mức (cùng các ảnh đó cho mọi mức; lệnh “nndesk evaluate --robustness” dùng 1.000&#xa0;ảnh trở lên).</translation>
    </message>
    <message>
        <source>Answer only at or above</source>
        <translation>Chỉ trả lời khi từ</translation>
    </message>
    <message>
        <source>Answer only when the calibrated top probability reaches this: the curve shows how many test images would still be answered and how many of those answers would be confident mistakes. One threshold with the canvas (Not sure below), Mistakes and Lab</source>
        <translation>Chỉ trả lời khi xác suất cao nhất (đã hiệu chỉnh) đạt mức này: đường cong cho thấy còn bao nhiêu ảnh kiểm tra được trả lời và bao nhiêu câu trả lời trong đó là lỗi phân loại tự tin. Một ngưỡng chung với khung vẽ (Chưa chắc dưới), trang Đoán sai và Thí nghiệm</translation>
    </message>
    <message>
        <source>Answers per confidence bin (calibrated):</source>
        <translation>Số câu trả lời theo từng khoảng độ tự tin (đã hiệu chỉnh):</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>Click (or press Enter) to open it on the canvas and see why</source>
        <translation>Bấm (hoặc nhấn Enter) để mở nó trên khung vẽ và xem vì sao</translation>
    </message>
    <message>
        <source>Click a damaged image (or Tab to them and press Enter) to open it.</source>
        <translation>Bấm vào một ảnh bị làm hỏng (hoặc dùng Tab tới chúng rồi nhấn Enter) để mở nó.</translation>
    </message>
    <message>
        <source>Damage test images (1,000; 250 for a CNN) by growing amounts of noise, rotation, shift, stroke thickness and an occluding patch, and plot the accuracy at each level</source>
        <translation>Thêm vào ảnh kiểm tra (1.000&#xa0;ảnh; 250&#xa0;ảnh với CNN) nhiễu, phép xoay, phép dịch, nét dày mỏng và một mảng che, mỗi thứ ở các mức tăng dần, rồi vẽ độ chính xác (accuracy) ở mỗi mức</translation>
    </message>
    <message>
        <source>Damaging test images… %v / %m levels</source>
        <translation>Đang thêm nhiễu và biến dạng vào ảnh kiểm tra… %v / %m mức</translation>
    </message>
    <message>
        <source>Drawing the charts…</source>
        <translation>Đang vẽ các biểu đồ…</translation>
    </message>
    <message>
        <source>ECE &lt;b&gt;{ece}&lt;/b&gt; raw, &lt;b&gt;{ece_calibrated}&lt;/b&gt; calibrated (temperature {temperature}). Answering only at ≥ {threshold}: {answered} of {n} test images answered, {right} of them right, &lt;b&gt;{mistakes}&lt;/b&gt; confident mistakes.</source>
        <translation>ECE &lt;b&gt;{ece}&lt;/b&gt; gốc, &lt;b&gt;{ece_calibrated}&lt;/b&gt; đã hiệu chỉnh (nhiệt độ {temperature}). Chỉ trả lời khi ≥ {threshold}: trả lời {answered} trong {n}&#xa0;ảnh kiểm tra, {right} trong số đó đúng, &lt;b&gt;{mistakes}&lt;/b&gt; lỗi phân loại tự tin.</translation>
    </message>
    <message>
        <source>Evaluate the model to see how well its confidence holds.</source>
        <translation>Đánh giá mô hình để xem độ tự tin của nó đáng tin đến đâu.</translation>
    </message>
    <message>
        <source>Here the temperature made the ECE higher: it is fitted to the log-loss, not to the ECE, and a model already well calibrated can lose a little. The canvas shows calibrated probabilities; tick Raw probabilities there to see the network&apos;s own.</source>
        <translation>Ở đây nhiệt độ làm ECE cao hơn: nhiệt độ được khớp để giảm mất mát log (log-loss), không phải ECE, và một mô hình vốn đã hiệu chỉnh tốt có thể kém đi một chút. Khung vẽ hiện xác suất đã hiệu chỉnh; đánh dấu Xác suất gốc ở đó để xem xác suất của chính mạng.</translation>
    </message>
    <message>
        <source>Measure robustness</source>
        <translation>Đo độ bền vững</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>Lưu biểu đồ thành PNG…</translation>
    </message>
    <message>
        <source>Stop measuring robustness (after the current level)</source>
        <translation>Dừng đo độ bền vững (sau mức hiện tại)</translation>
    </message>
    <message>
        <source>T was fitted on {fitted} of these test images (this model kept no validation split); on the other {other}, never fitted on: ECE &lt;b&gt;{ece}&lt;/b&gt; raw, &lt;b&gt;{ece_calibrated}&lt;/b&gt; calibrated.</source>
        <translation>T được khớp trên {fitted}&#xa0;ảnh kiểm tra trong số này (mô hình này không giữ tập kiểm định); trên {other}&#xa0;ảnh còn lại, chưa từng dùng để khớp: ECE &lt;b&gt;{ece}&lt;/b&gt; gốc, &lt;b&gt;{ece_calibrated}&lt;/b&gt; đã hiệu chỉnh.</translation>
    </message>
    <message>
        <source>Working out the calibration…</source>
        <translation>Đang tính hiệu chỉnh…</translation>
    </message>
    <message>
        <source>{damage}: read as {answer}</source>
        <translation>{damage}: được đọc là {answer}</translation>
    </message>
    <message>
        <source>{damage}: read as {answer}, wrongly</source>
        <translation>{damage}: bị đọc sai thành {answer}</translation>
    </message>
</context>
<context>
    <name>WhyView</name>
    <message>
        <source> (computing…)</source>
        <translation> (đang tính…)</translation>
    </message>
    <message>
        <source> (no contrast: {name} cannot be contrasted with itself)</source>
        <translation> (không so sánh: không thể so {name} với chính nó)</translation>
    </message>
    <message>
        <source> — a close call</source>
        <translation> — suýt soát</translation>
    </message>
    <message>
        <source>&lt;p&gt;Draw something, open an image or show a test image: this page then shows which pixels made the network answer as it did.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Hãy vẽ gì đó, mở một ảnh hoặc hiện một ảnh kiểm tra: trang này sẽ cho thấy những điểm ảnh nào khiến mạng trả lời như vậy.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Loading the model… Once it is ready, this page shows which pixels of your drawing made the network answer as it did.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Đang nạp mô hình… Khi mô hình sẵn sàng, trang này sẽ cho thấy những điểm ảnh nào trong hình vẽ của bạn khiến mạng trả lời như vậy.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No model loaded: open a model or train one, and this page shows which pixels of your drawing made the network answer as it did.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Chưa nạp mô hình: hãy mở một mô hình hoặc huấn luyện một mô hình, rồi trang này sẽ cho thấy những điểm ảnh nào trong hình vẽ của bạn khiến mạng trả lời như vậy.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The network answers &lt;b&gt;{top}&lt;/b&gt; with {p_top}.&lt;/p&gt;&lt;p&gt;Runner-up: &lt;b&gt;{second}&lt;/b&gt; with {p_second} (independent scores: this network scores each class on its own, they are not shares of 100%).&lt;/p&gt;&lt;p&gt;The overlay shows {method} {what}{pending}. &lt;span style=&apos;color:{red}&apos;&gt;Red&lt;/span&gt; pixels {sides}, &lt;span style=&apos;color:{blue}&apos;&gt;blue&lt;/span&gt; pixels against.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Mạng trả lời &lt;b&gt;{top}&lt;/b&gt; với {p_top}.&lt;/p&gt;&lt;p&gt;Thứ hai: &lt;b&gt;{second}&lt;/b&gt; với {p_second} (điểm độc lập: mạng này chấm điểm từng lớp riêng, các điểm không phải phần chia của 100%).&lt;/p&gt;&lt;p&gt;Lớp phủ cho thấy {method} {what}{pending}. Điểm ảnh &lt;span style=&apos;color:{red}&apos;&gt;đỏ&lt;/span&gt; {sides}, điểm ảnh &lt;span style=&apos;color:{blue}&apos;&gt;xanh&lt;/span&gt; chống lại.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The network answers &lt;b&gt;{top}&lt;/b&gt; with {p_top}.&lt;/p&gt;&lt;p&gt;Runner-up: &lt;b&gt;{second}&lt;/b&gt; with {p_second}, a margin of &lt;b&gt;{margin}&lt;/b&gt; percentage points{close}.&lt;/p&gt;&lt;p&gt;The overlay shows {method} {what}{pending}. &lt;span style=&apos;color:{red}&apos;&gt;Red&lt;/span&gt; pixels {sides}, &lt;span style=&apos;color:{blue}&apos;&gt;blue&lt;/span&gt; pixels against.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Mạng trả lời &lt;b&gt;{top}&lt;/b&gt; với {p_top}.&lt;/p&gt;&lt;p&gt;Thứ hai: &lt;b&gt;{second}&lt;/b&gt; với {p_second}, cách &lt;b&gt;{margin}&lt;/b&gt; điểm phần trăm{close}.&lt;/p&gt;&lt;p&gt;Lớp phủ cho thấy {method} {what}{pending}. Điểm ảnh &lt;span style=&apos;color:{red}&apos;&gt;đỏ&lt;/span&gt; {sides}, điểm ảnh &lt;span style=&apos;color:{blue}&apos;&gt;xanh&lt;/span&gt; chống lại.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Along the right and bottom edges ({n} px) the map is zero, rightly: this network&apos;s unpadded convolutions and 2×2 pooling drop its maps&apos; last row and column, so ink there cannot change the answer.</source>
        <translation>Dọc mép phải và mép dưới ({n} px) bản đồ bằng 0, và đúng là vậy: các tầng tích chập không đệm và phép gộp 2×2 của mạng này bỏ hàng và cột cuối của các bản đồ đặc trưng, nên nét vẽ ở đó không thể thay đổi câu trả lời.</translation>
    </message>
    <message>
        <source>At 28×28 most of your drawing&apos;s ink is solid area (a filled shape, or strokes as thick as these): there this map&apos;s red and blue change from pixel to pixel (speckle) and say little. &lt;a href=&apos;occlusion&apos;&gt;Occlusion&lt;/a&gt; shows which areas matter.</source>
        <translation>Ở 28×28, phần lớn mực của hình vẽ là vùng đặc (một hình tô kín, hoặc nét dày như thế này): ở đó màu đỏ và xanh của bản đồ này đổi từ điểm ảnh này sang điểm ảnh kia (lốm đốm) và nói lên rất ít. &lt;a href=&apos;occlusion&apos;&gt;Che khuất (occlusion)&lt;/a&gt; cho thấy vùng nào quan trọng.</translation>
    </message>
    <message>
        <source>Caution: a heat map shows what one method measures, not what the network “sees”. The methods often disagree, and a convincing map can hide a wrong reason: compare several.</source>
        <translation>Lưu ý: một bản đồ nhiệt cho thấy điều mà một phương pháp đo, không phải điều mạng “nhìn thấy”. Các phương pháp thường không khớp nhau, và một bản đồ thuyết phục có thể che giấu một lý do sai: hãy so sánh vài phương pháp.</translation>
    </message>
    <message>
        <source>Draw something: the training images most like it (for the network) show here.</source>
        <translation>Hãy vẽ gì đó: các ảnh huấn luyện giống nó nhất (theo mạng) sẽ hiện ở đây.</translation>
    </message>
    <message>
        <source>Each picture is one hidden unit&apos;s 784 input weights laid out as 28×28. Red: ink there excites the unit; blue: ink there inhibits it. These are the units your drawing activates most.</source>
        <translation>Mỗi hình là 784&#xa0;trọng số đầu vào của một nút ẩn, xếp thành 28×28. Đỏ: nét vẽ ở đó kích thích nút; xanh: nét vẽ ở đó ức chế nút. Đây là các nút mà hình vẽ của bạn kích hoạt mạnh nhất.</translation>
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
        <translation>Điểm số thay đổi nhanh đến đâu khi thêm mực ở mỗi điểm ảnh: một gradient (độ dốc) cục bộ, thường lốm đốm.</translation>
    </message>
    <message>
        <source>How much the score drops when a 4×4 square is blacked out (computed from the answers alone, so it works for any model).</source>
        <translation>Điểm số giảm bao nhiêu khi một ô vuông 4×4 bị tô đen (chỉ tính từ các câu trả lời, nên dùng được cho mọi mô hình).</translation>
    </message>
    <message>
        <source>How the map is computed. Gradient and gradient × input follow every stroke at once; the others take tens to hundreds of passes through the network and follow a moment later.</source>
        <translation>Cách tính bản đồ. Gradient và gradient × đầu vào theo kịp từng nét vẽ ngay; các phương pháp khác cần hàng chục đến hàng trăm lần truyền qua mạng nên hiện sau một lát.</translation>
    </message>
    <message>
        <source>Integrated gradients</source>
        <translation>Gradient tích phân (integrated gradients)</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Đang nạp mô hình…</translation>
    </message>
    <message>
        <source>Looking for the training images most like your drawing (the first time for each model runs {pool} training images through it: up to a minute on a busy computer)…</source>
        <translation>Đang tìm các ảnh huấn luyện giống hình vẽ của bạn nhất (lần đầu với mỗi mô hình phải cho {pool}&#xa0;ảnh huấn luyện đi qua mạng: có thể tới một phút khi máy đang bận)…</translation>
    </message>
    <message>
        <source>Looking for the training images most like your drawing: {done} of {total} training images run through this network (once per model)…</source>
        <translation>Đang tìm các ảnh huấn luyện giống hình vẽ của bạn nhất: đã cho {done} trên {total}&#xa0;ảnh huấn luyện đi qua mạng này (một lần cho mỗi mô hình)…</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Phương pháp:</translation>
    </message>
    <message>
        <source>Most active hidden units (first layer)</source>
        <translation>Các nút ẩn hoạt động mạnh nhất (tầng ẩn thứ nhất)</translation>
    </message>
    <message>
        <source>Nearest training images (in the last hidden layer)</source>
        <translation>Các ảnh huấn luyện gần nhất (ở tầng ẩn cuối)</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>Chưa nạp mô hình.</translation>
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
        <source>Saliency: which pixels drove the answer</source>
        <translation>Bản đồ nổi bật (saliency): điểm ảnh nào dẫn tới câu trả lời</translation>
    </message>
    <message>
        <source>The 28×28 input with the saliency on top: red pixels raise the score of the answer, blue pixels lower it; the stronger the colour, the larger the effect.</source>
        <translation>Đầu vào 28×28 với bản đồ nổi bật phủ lên: điểm ảnh đỏ nâng điểm của câu trả lời, điểm ảnh xanh hạ nó; màu càng đậm, tác động càng lớn.</translation>
    </message>
    <message>
        <source>The class explained: it cannot be contrasted with itself</source>
        <translation>Lớp đang được giải thích: không thể so một lớp với chính nó</translation>
    </message>
    <message>
        <source>The class whose score the map explains</source>
        <translation>Lớp có điểm số được bản đồ giải thích</translation>
    </message>
    <message>
        <source>The nearest training images need this model&apos;s training set on this computer.</source>
        <translation>Các ảnh huấn luyện gần nhất cần tập huấn luyện của mô hình này có trên máy tính.</translation>
    </message>
    <message>
        <source>The slope averaged along the way from a blank image to your drawing, times the ink: the map adds up to the change, from a blank image, of the difference of the two scores (the first class&apos;s minus the other&apos;s).</source>
        <translation>Gradient lấy trung bình trên đường đi từ một ảnh trống tới hình bạn vẽ, nhân với lượng mực: tổng của bản đồ bằng mức thay đổi, so với ảnh trống, của hiệu hai điểm số (điểm của lớp thứ nhất trừ điểm của lớp kia).</translation>
    </message>
    <message>
        <source>The slope averaged along the way from a blank image to your drawing, times the ink: the map adds up to the score&apos;s change from a blank image.</source>
        <translation>Gradient lấy trung bình trên đường đi từ một ảnh trống tới hình bạn vẽ, nhân với lượng mực: tổng của bản đồ bằng mức thay đổi điểm số so với ảnh trống.</translation>
    </message>
    <message>
        <source>The slope averaged over 24 copies of your drawing with random noise added, so the speckle cancels out.</source>
        <translation>Gradient lấy trung bình trên 24 bản sao hình vẽ của bạn có thêm nhiễu ngẫu nhiên, để các đốm triệt tiêu nhau.</translation>
    </message>
    <message>
        <source>The slope times the ink at each pixel: roughly what each inked pixel contributed.</source>
        <translation>Gradient nhân với lượng mực ở mỗi điểm ảnh: gần đúng phần đóng góp của mỗi điểm ảnh có mực.</translation>
    </message>
    <message>
        <source>The {n} images among the first {pool} training images whose last hidden layer is closest to your drawing&apos;s (Euclidean distance d): what the network treats as most alike.</source>
        <translation>{n}&#xa0;ảnh trong {pool}&#xa0;ảnh huấn luyện đầu tiên có tầng ẩn cuối gần với hình vẽ của bạn nhất (khoảng cách Euclid d): những gì mạng coi là giống nhất.</translation>
    </message>
    <message>
        <source>This model is a CNN: its first layer is small 3×3 filters slid over the image, not one weight per pixel, so there is no 28×28 picture per unit. Open an MLP model (e.g. {mlp_name}) to see hidden units here.</source>
        <translation>Mô hình này là một CNN: tầng đầu tiên của nó là các bộ lọc 3×3 nhỏ trượt trên ảnh, không phải mỗi điểm ảnh một trọng số, nên không có hình 28×28 cho từng nút. Hãy mở một mô hình MLP (ví dụ {mlp_name}) để xem các nút ẩn ở đây.</translation>
    </message>
    <message>
        <source>This model learned from photos only (Share of sketches 0), so a drawn garment is unlike anything it saw: its answer can be wrong however sure it looks. fashion-cnn learned from sketches too; or train with a Share of sketches above 0 (Train &gt; Settings).</source>
        <translation>Mô hình này chỉ học từ ảnh chụp (Tỉ lệ hình vẽ phác 0), nên một món đồ được vẽ không giống thứ gì nó từng thấy: câu trả lời có thể sai dù trông chắc chắn đến đâu. fashion-cnn đã học cả từ hình vẽ phác; hoặc huấn luyện với Tỉ lệ hình vẽ phác lớn hơn 0 (Huấn luyện &gt; Cài đặt).</translation>
    </message>
    <message>
        <source>This network never sees the right and bottom edges ({n} px): its unpadded convolutions and 2×2 pooling drop its maps&apos; last row and column. An occlusion square that reaches an edge also covers pixels it does see, so this map is not zero there.</source>
        <translation>Mạng này không bao giờ thấy mép phải và mép dưới ({n} px): các tầng tích chập không đệm và phép gộp 2×2 của nó bỏ hàng và cột cuối của các bản đồ đặc trưng. Một ô che khuất chạm tới mép cũng che cả những điểm ảnh mạng có thấy, nên bản đồ này ở đó không bằng 0.</translation>
    </message>
    <message>
        <source>Updating the explanation for the new model…</source>
        <translation>Đang cập nhật lời giải thích cho mô hình mới…</translation>
    </message>
    <message>
        <source>Updating the explanation for your new drawing…</source>
        <translation>Đang cập nhật lời giải thích cho hình vẽ mới của bạn…</translation>
    </message>
    <message>
        <source>Why this answer?</source>
        <translation>Vì sao có câu trả lời này?</translation>
    </message>
    <message>
        <source>and not:</source>
        <translation>chứ không phải:</translation>
    </message>
    <message>
        <source>are where more ink would favour {name} over {other}</source>
        <translation>là nơi thêm mực sẽ nghiêng về {name} hơn {other}</translation>
    </message>
    <message>
        <source>are where more ink would raise its score</source>
        <translation>là nơi thêm mực sẽ làm tăng điểm của nó</translation>
    </message>
    <message>
        <source>argue for it</source>
        <translation>ủng hộ nó</translation>
    </message>
    <message>
        <source>argue for {name} over {other}</source>
        <translation>ủng hộ {name} hơn {other}</translation>
    </message>
    <message>
        <source>for &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>đối với &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>for &lt;b&gt;{name}&lt;/b&gt; rather than &lt;b&gt;{other}&lt;/b&gt;</source>
        <translation>đối với &lt;b&gt;{name}&lt;/b&gt; thay vì &lt;b&gt;{other}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>the answer</source>
        <translation>câu trả lời</translation>
    </message>
    <message>
        <source>— (no contrast)</source>
        <translation>— (không đối chiếu)</translation>
    </message>
</context>
<context>
    <name>WindowLock</name>
    <message>
        <source>Another nndesk window is already open. The two windows share one settings file and one runs folder ({runs}): a run trained in either is listed in both, and for each setting the next start uses the value the last window to change it gave. If you opened this one by mistake, close it: nothing is lost.</source>
        <translation>Một cửa sổ nndesk khác đang mở. Hai cửa sổ dùng chung một tệp cài đặt và một thư mục lượt chạy ({runs}): lượt chạy huấn luyện ở cửa sổ nào cũng được liệt kê ở cả hai, và với mỗi cài đặt, lần khởi động sau dùng giá trị của cửa sổ thay đổi nó sau cùng. Nếu bạn lỡ mở cửa sổ này, hãy đóng nó: không mất gì cả.</translation>
    </message>
    <message>
        <source>Another nndesk window is open</source>
        <translation>Một cửa sổ nndesk khác đang mở</translation>
    </message>
    <message>
        <source>Show the other window</source>
        <translation>Hiện cửa sổ kia</translation>
    </message>
</context>
<context>
    <name>_NeighbourTile</name>
    <message>
        <source>A training image labelled {label}; its last hidden layer&apos;s values are {distance} away from your drawing&apos;s.</source>
        <translation>Một ảnh huấn luyện có nhãn {label}; các giá trị ở tầng ẩn cuối của nó cách của hình vẽ bạn {distance}.</translation>
    </message>
    <message>
        <source>{label}
d = {distance}</source>
        <translation>{label}
d = {distance}</translation>
    </message>
</context>
<context>
    <name>_UnitTile</name>
    <message>
        <source>Hidden unit {unit} of the first layer. Red weights: ink there raises this unit&apos;s activation; blue weights lower it. Activation for this drawing: {activation}.</source>
        <translation>Nút ẩn {unit} của tầng thứ nhất. Trọng số đỏ: mực ở đó tăng mức kích hoạt của nút; trọng số xanh làm giảm nó. Mức kích hoạt với hình vẽ này: {activation}.</translation>
    </message>
    <message>
        <source>unit {unit}
activation {activation}</source>
        <translation>nút {unit}
kích hoạt {activation}</translation>
    </message>
</context>
</TS>
