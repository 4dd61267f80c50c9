"""Vietnamese for exported code (``nndesk.codegen.words``): English text -> its Vietnamese.

The terms are the window's (docs/glossary-vi.md, nndesk/i18n/nndesk_vi.ts): epoch, batch,
tốc độ học (learning rate), mất mát (loss), độ chính xác (accuracy), kiểm định (validation),
tập huấn luyện, ảnh kiểm tra, trọng số, tầng, tích chập, gộp cực đại, chuẩn hoá theo batch,
bộ tối ưu, quán tính, tăng cường dữ liệu, hạt giống (seed).

A key is the English exactly as the generator writes it: a comment's text after "# " (comment
lines that follow each other joined by a space), a string's content between its quotes, a
docstring's paragraphs each on one line, separated by a blank line. A translation keeps a
string's ``{...}`` places exactly (they are code) and a template's ``{name}`` places.
"""

from __future__ import annotations

# fmt: off
#: English -> Vietnamese, looked up whole
TEXTS: dict[str, str] = {
    # -- the script's header (script_header.header) ---------------------------------------------
    "{slug}: a {arch} network for {dataset}, trained with {optimizer}, in plain NumPy.":
        "{slug}: mạng {arch} cho {dataset}, huấn luyện bằng {optimizer}, viết bằng NumPy thuần.",
    "{optimizer} (lr {lr})": "{optimizer} (tốc độ học {lr})",
    "{optimizer} (lr {lr}, then {rates} set by hand)":
        "{optimizer} (tốc độ học {lr}, sau đó {rates} đặt bằng tay)",
    "Exported by nndesk from {origin}": "Xuất bởi nndesk từ {origin}",
    "Made with: {command}": "Tạo bằng: {command}",
    "Network: {net}": "Mạng: {net}",
    "Run it:  python {file} --data-dir DIR [--epochs N] [--seed S] [--limit N]":
        "Cách chạy:  python {file} --data-dir DIR [--epochs N] [--seed S] [--limit N]",
    "Run it:  python {file} --data-dir DIR [--epochs N] [--seed S] [--limit N] [--exact]":
        "Cách chạy:  python {file} --data-dir DIR [--epochs N] [--seed S] [--limit N] [--exact]",
    "DIR holds the four IDX files (train-images-idx3-ubyte.gz ...) or a {folder}/ folder with "
    "them. It needs only NumPy (pip install numpy, where this Python has none).":
        "DIR chứa bốn tệp IDX (train-images-idx3-ubyte.gz ...) hoặc một thư mục {folder}/ "
        "chứa chúng. Script chỉ cần NumPy (pip install numpy, nếu Python này chưa có).",
    "With the same --seed and data it draws the same {these} and {last} as nndesk":
        "Với cùng hạt giống (--seed) và cùng dữ liệu, script rút ra cùng {these} và {last} "
        "như nndesk",
    ". Its Adam step (update) is the textbook one, with m_hat and v_hat; nndesk takes the same "
    "step in another order of operations (update_exact), which rounds differently at every "
    "step, so the losses drift from the app's in their last digits and the accuracy lands near "
    "the app's, not on it. Run with --exact, it takes nndesk's step":
        ". Bước Adam của script (update) là bước trong sách giáo khoa, với m_hat và v_hat; nndesk "
        "đi cùng bước đó theo một thứ tự phép tính khác (update_exact), làm tròn khác đi ở mỗi "
        "bước, nên mất mát lệch dần khỏi của ứng dụng ở các chữ số cuối và độ chính xác gần với "
        "của ứng dụng chứ không trùng. Chạy với --exact, script đi đúng bước của nndesk",
    " and does the same float32 arithmetic in the same order, so it trains to the app's losses "
    "and accuracy for this experiment, to the last digit":
        " và thực hiện cùng các phép tính float32 theo cùng thứ tự, nên huấn luyện ra đúng mất "
        "mát và độ chính xác của ứng dụng cho thí nghiệm này, tới chữ số cuối cùng",
    " when BLAS runs on as many threads here as in nndesk (the thread count changes the last "
    "bits of the sums). A batch of this network makes products of at least 16 million "
    "multiply-adds, so nndesk's command line trains it on every core when the machine has one "
    "to spare as the run starts and on one thread when it has none; this script applies the "
    "same rule as it starts. The window keeps a core for itself: a run trained there used one "
    "thread fewer. For the same digits whatever the load, run it with OPENBLAS_NUM_THREADS=1 "
    "and train in nndesk with Threads 1 (--threads 1).":
        " khi BLAS chạy trên cùng số luồng ở đây như trong nndesk (số luồng làm đổi các bit cuối "
        "của các tổng). Một batch của mạng này có những phép nhân ma trận từ 16 triệu phép "
        "nhân-cộng trở lên, nên dòng lệnh nndesk huấn luyện nó trên mọi lõi khi máy còn một lõi "
        "rảnh lúc lượt chạy bắt đầu, và trên một luồng khi không còn; script này áp dụng cùng "
        "quy tắc đó khi bắt đầu. Cửa sổ giữ một lõi cho chính nó: một lượt chạy huấn luyện ở "
        "đó dùng bớt đi một luồng. Để có cùng các chữ số dù máy bận hay rảnh, hãy chạy script "
        "với OPENBLAS_NUM_THREADS=1 và huấn luyện trong nndesk với Số luồng 1 (--threads 1).",
    ". nndesk computes convolutions by faster routes (a convolution and its max-pool in one "
    "pass, batches split over threads) whose float32 sums round differently from the plain ones "
    "here, so the losses follow the app's closely but not digit for digit, and the accuracy "
    "lands within a few test images of it.":
        ". nndesk tính tích chập theo những cách nhanh hơn (tích chập và gộp cực đại đi sau nó "
        "trong một lượt, batch chia cho nhiều luồng), có các tổng float32 làm tròn khác với cách "
        "tính đơn giản ở đây, nên mất mát bám sát của ứng dụng nhưng không trùng từng chữ số, và "
        "độ chính xác chỉ lệch vài ảnh kiểm tra.",
    ", but it does not redraw pen widths or sketches as nndesk's augmentation does: its "
    "training images differ, so its accuracy is near the app's, not the same.":
        ", nhưng không vẽ lại nét bút hay hình vẽ phác như phép tăng cường dữ liệu của nndesk: ảnh "
        "huấn luyện của script khác, nên độ chính xác gần với của ứng dụng chứ không trùng.",
    "initial weights": "trọng số khởi tạo",
    "batches": "các batch",
    "dropout masks": "mặt nạ dropout",
    "augmentations": "phép tăng cường dữ liệu",
    "The last line it prints is test_accuracy=0.xxxx.":
        "Dòng cuối cùng script in ra là test_accuracy=0.xxxx (độ chính xác trên tập kiểm tra).",
    "{change} (epoch {epoch}, batch {batch})": "{change} (epoch {epoch}, batch {batch})",
    " and {count} more": " và {count} thay đổi khác",
    "The run was stopped {share} of the way through epoch {epoch} of {epochs}. This script "
    "trains all {epochs} (EPOCHS); --epochs {closest} comes closest to the model the run saved.":
        "Lượt chạy đã dừng khi đi được {share} của epoch {epoch} trên {epochs}. Script này huấn "
        "luyện đủ {epochs} epoch (EPOCHS); --epochs {closest} gần nhất với mô hình mà lượt chạy "
        "đã lưu.",
    "Steered while training: {changes}{more}. CHANGES below replays them at the same batches "
    "(with the default --epochs).":
        "Được điều chỉnh trong lúc huấn luyện: {changes}{more}. CHANGES bên dưới lặp lại các "
        "thay đổi này ở đúng các batch đó (với --epochs mặc định).",
    "28x28 image": "ảnh 28x28",
    "preset {name}: {description}": "cấu hình mẫu {name}: {description}",
    "the settings on the Train page": "các cài đặt trên trang Huấn luyện",
    "a test": "một bài kiểm thử",
    "max-pool 2x2": "gộp cực đại 2x2",
    "batch norm": "chuẩn hoá theo batch",
    "dense {units}": "tầng kết nối đầy đủ {units}",
    "conv {filters}x{kernel}x{kernel} ({padding})":
        "tích chập {filters}x{kernel}x{kernel} ({padding})",
    "flatten": "làm phẳng",
    # -- imports ---------------------------------------------------------------------------------
    "the matrices of a small MLP are small: one BLAS thread is faster than several waiting on "
    "each other (nndesk does the same); set before NumPy loads, and only where you have not set "
    "it yourself":
        "các ma trận của một MLP nhỏ đều nhỏ: một luồng BLAS nhanh hơn nhiều luồng chờ lẫn nhau "
        "(nndesk cũng làm vậy); đặt trước khi nạp NumPy, và chỉ khi bạn chưa tự đặt",
    "(after the thread settings above)": "(sau phần đặt số luồng ở trên)",
    "busy: what the machine did over 0.1 s": "bận: máy đã làm gì trong 0,1 s",
    "user nice system idle iowait irq softirq steal":
        "user nice system idle iowait irq softirq steal (mọi cột trừ idle và iowait là bận)",
    "NumPy (np) is imported at the end of this file: how many threads its matrix products use "
    "is chosen there first, as it must be before NumPy loads. The functions use np once main() "
    "runs.":
        "NumPy (np) được nhập ở cuối tệp này: số luồng cho các phép nhân ma trận của nó được "
        "chọn ở đó trước, vì phải chọn trước khi nạp NumPy. Các hàm chỉ dùng np khi main() chạy.",
    "before NumPy loads: how many threads BLAS may use":
        "trước khi nạp NumPy: BLAS được dùng bao nhiêu luồng",
    "Cores other programs leave free now, measured as nndesk measures them when a run starts.":
        "Số lõi các chương trình khác để rảnh lúc này, đo như nndesk đo khi một lượt chạy bắt "
        "đầu.",
    "nndesk gives this network's wide products every core when the machine has one to spare "
    "as the run starts, and one BLAS thread when it has none: the same rule here gives the "
    "app's sums to the last bit; set before NumPy loads, and only where you have not set it "
    "yourself":
        "nndesk cho các phép nhân rộng của mạng này mọi lõi khi máy còn một lõi rảnh lúc lượt "
        "chạy bắt đầu, và một luồng BLAS khi không còn: cùng quy tắc ở đây cho đúng các tổng "
        "của ứng dụng tới bit cuối; đặt trước khi nạp NumPy, và chỉ khi bạn chưa tự đặt",
    "nndesk trained this network on the BLAS threads its Threads setting asked for: as many "
    "here give the same sums to the last bit (how a product is split over threads changes "
    "them); set before NumPy loads, and only where you have not set it yourself":
        "nndesk đã huấn luyện mạng này trên số luồng BLAS mà cài đặt Số luồng yêu cầu: cùng số "
        "luồng ở đây cho cùng các tổng tới bit cuối cùng (cách chia một phép nhân cho các luồng "
        "làm đổi chúng); đặt trước khi nạp NumPy, và chỉ khi bạn chưa tự đặt",
    # -- settings --------------------------------------------------------------------------------
    "the experiment's settings": "các cài đặt của thí nghiệm",
    "far above the 47 MB of MNIST's training images": "cao hơn nhiều so với 47 MB ảnh huấn "
    "luyện của MNIST",
    "IDX files of this dataset": "tệp IDX của tập dữ liệu này",
    "sub-folders --data-dir may use": "các thư mục con --data-dir có thể dùng",
    "0: the whole training set is one batch": "0: cả tập huấn luyện là một batch",
    "images per gradient step": "số ảnh cho mỗi bước gradient",
    "the same seed gives the same run": "cùng hạt giống (seed) cho cùng một lượt chạy",
    "held out of training, per class": "giữ riêng khỏi huấn luyện, theo từng lớp",
    "Keras' l2(): L2 * sum(W**2) added to the loss":
        "như l2() của Keras: L2 * sum(W**2) cộng vào hàm mất mát",
    "the share of units each dropout layer zeroes":
        "tỉ lệ nơ-ron mà mỗi tầng dropout đặt về 0",
    "shift, rotate and zoom the training images":
        "dịch, xoay và phóng to/thu nhỏ ảnh huấn luyện",
    "pixels, at most, either way": "điểm ảnh, tối đa, theo mỗi chiều",
    "degrees, at most, either way": "độ, tối đa, theo mỗi chiều",
    "zoom between 1 - AUG_SCALE and 1 + AUG_SCALE":
        "tỉ lệ phóng từ 1 - AUG_SCALE đến 1 + AUG_SCALE",
    "zoom between 1 - AUG_SCALE and 1 + it": "tỉ lệ phóng từ 1 - AUG_SCALE đến 1 + AUG_SCALE",
    "gradients rescaled to at most this norm":
        "gradient được co lại để chuẩn không vượt quá giá trị này",
    "added to sqrt(v)": "cộng vào sqrt(v)",
    "added to sqrt(s)": "cộng vào sqrt(s)",
    "The run was steered while it trained (the app's change record): from batch BATCH of epoch "
    "EPOCH on, the setting took the value; a batch size from the start of its epoch.":
        "Lượt chạy đã được điều chỉnh trong lúc huấn luyện (bản ghi thay đổi của ứng dụng): từ "
        "batch BATCH của epoch EPOCH trở đi, cài đặt nhận giá trị mới; kích thước batch thì từ "
        "đầu epoch của nó.",
    "The run was steered while it trained (the app's change record): from batch BATCH of epoch "
    "EPOCH on, the setting took the value; a batch size from the start of its epoch. LR None: "
    "the learning-rate schedule sets the rate again from there.":
        "Lượt chạy đã được điều chỉnh trong lúc huấn luyện (bản ghi thay đổi của ứng dụng): từ "
        "batch BATCH của epoch EPOCH trở đi, cài đặt nhận giá trị mới; kích thước batch thì từ "
        "đầu epoch của nó. LR None: từ đó lịch tốc độ học lại đặt tốc độ học.",
    # -- reading the IDX files -------------------------------------------------------------------
    "One IDX file (gzipped or raw) -> uint8 array with ``ndim`` axes, every size checked.":
        "Một tệp IDX (nén gzip hoặc không) -> mảng uint8 có ``ndim`` trục, mọi kích thước đều "
        "được kiểm tra.",
    "a bounded read: a hostile file cannot fill memory":
        "đọc có giới hạn: một tệp độc hại không thể làm đầy bộ nhớ",
    "two zero bytes, type code, number of axes, then one uint32 per axis":
        "hai byte 0, mã kiểu, số trục, rồi mỗi trục một uint32",
    "{path}: not an IDX file of a sane size": "{path}: không phải tệp IDX có kích thước hợp lý",
    "{path}: expected an IDX file of unsigned bytes with {ndim} axes":
        "{path}: cần một tệp IDX gồm các byte không dấu với {ndim} trục",
    "{path}: images are {shape[1]}x{shape[2]}, expected 28x28":
        "{path}: ảnh có kích thước {shape[1]}x{shape[2]}, cần 28x28",
    "{path}: the header promises {math.prod(shape)} bytes, the file has ":
        "{path}: phần đầu tệp hứa {math.prod(shape)} byte, nhưng tệp có ",
    "``stem`` (.gz or raw; Kaggle's .idx spelling too) in ``data_dir`` or its sub-folder.":
        "``stem`` (.gz hoặc không nén; cả cách viết .idx của bản Kaggle) trong ``data_dir`` hoặc "
        "trong thư mục con của tập dữ liệu.",
    "{stem}.gz not found in {data_dir} or in its {FOLDER_NAMES[0]}/ folder":
        "không tìm thấy {stem}.gz trong {data_dir} hay trong thư mục {FOLDER_NAMES[0]}/ của nó",
    "Train and test images uint8 (n, 28, 28) and labels int64 (n,).":
        "Ảnh huấn luyện và ảnh kiểm tra uint8 (n, 28, 28) cùng nhãn int64 (n,).",
    "{split}: {len(images)} images but {len(labels)} labels, ":
        "{split}: {len(images)} ảnh nhưng {len(labels)} nhãn, ",
    "or a label outside 0..{len(CLASS_NAMES) - 1}": "hoặc có nhãn ngoài 0..{len(CLASS_NAMES) - 1}",
    # -- validation split ------------------------------------------------------------------------
    "Hold out ``fraction`` of every class for validation; (kept, held) sorted index arrays.":
        "Giữ riêng ``fraction`` của mỗi lớp để kiểm định; trả về (kept, held), hai mảng chỉ "
        "số đã sắp xếp.",
    "largest remainders first": "phần dư lớn nhất trước",
    # -- normalisation ---------------------------------------------------------------------------
    "uint8 (n, 28, 28) -> float32 (n, 784), raw pixel values 0..255.":
        "uint8 (n, 28, 28) -> float32 (n, 784), giữ nguyên giá trị điểm ảnh 0..255.",
    "uint8 (n, 28, 28) -> float32 (n, 784) in [0, 1].":
        "uint8 (n, 28, 28) -> float32 (n, 784) trong khoảng [0, 1].",
    "uint8 (n, 28, 28) -> float32 (n, 784) in [-1, 1].":
        "uint8 (n, 28, 28) -> float32 (n, 784) trong khoảng [-1, 1].",
    "from how often each pixel value 0..255 occurs: exact sums, and no float copy of the images":
        "từ số lần mỗi giá trị điểm ảnh 0..255 xuất hiện: tổng chính xác, không cần bản sao số "
        "thực của ảnh",
    "times 1 / std, as nndesk computes it": "nhân với 1 / std, như nndesk tính",
    "One mean and one standard deviation over every pixel of the training split.":
        "Một giá trị trung bình và một độ lệch chuẩn trên mọi điểm ảnh của phần huấn luyện.",
    "uint8 (n, 28, 28) -> float32 (n, 784), standardised: (x - mean) / std.":
        "uint8 (n, 28, 28) -> float32 (n, 784), chuẩn hoá: (x - mean) / std.",
    # -- augmentation ----------------------------------------------------------------------------
    "Shift (up to AUG_SHIFT px), rotate (up to AUG_ROTATE degrees) and zoom (1 +- AUG_SCALE) "
    "every image of a batch.\n\nx is float32 (n, 784) with ink brighter than background; "
    "pixels that come from outside the image take that image's background (its minimum). "
    "Bilinear resampling, no loop over images.":
        "Dịch (tối đa AUG_SHIFT điểm ảnh), xoay (tối đa AUG_ROTATE độ) và phóng to/thu nhỏ "
        "(1 +- AUG_SCALE) mọi ảnh của một batch.\n\nx là float32 (n, 784), nét vẽ sáng hơn nền; "
        "điểm ảnh lấy từ ngoài khung ảnh nhận màu nền của ảnh đó (giá trị nhỏ nhất của nó). "
        "Nội suy song tuyến, không có vòng lặp qua từng ảnh.",
    "pixel offsets from the centre": "độ lệch của điểm ảnh so với tâm",
    "(n, 784) where each output pixel": "(n, 784): nơi mỗi điểm ảnh đầu ra",
    "reads from, before rotating": "đọc giá trị, trước khi xoay",
    "+1: a frame of background": "+1: một khung viền màu nền",
    # -- activations, softmax --------------------------------------------------------------------
    "1 / (1 + exp(-z)), written with tanh so that it cannot overflow.":
        "1 / (1 + exp(-z)), viết qua tanh để không thể tràn số.",
    "Row-wise softmax of (n, k) logits; the row max is subtracted so exp() cannot overflow.":
        "Softmax theo từng hàng của các logit (n, k); trừ đi giá trị lớn nhất của hàng để "
        "exp() không thể tràn số.",
    # -- convolution, pooling, batch norm --------------------------------------------------------
    "Cross-correlate x (n, c, h, w) with kernels w (f, c, k, k): (n, f, oh, ow), by im2col.\n\n"
    "Returns the output and the column matrix (one row per output pixel) that backward needs.":
        "Tích chập (tương quan chéo) x (n, c, h, w) với các nhân chập w (f, c, k, k): (n, f, oh, "
        "ow), bằng im2col.\n\nTrả về đầu ra và ma trận cột (mỗi điểm ảnh đầu ra một hàng) mà "
        "bước lan truyền ngược cần.",
    "From g = dL/dout (n, f, oh, ow): dL/dx (None unless input_grad), dL/dw, dL/db.":
        "Từ g = dL/dout (n, f, oh, ow): dL/dx (None nếu không có input_grad), dL/dw, dL/db.",
    "(filters, channels, k, k)": "(bộ lọc, kênh, k, k)",
    "2x2 max-pool, stride 2: (n, c, h, w) -> (n, c, h // 2, w // 2), an odd last row or column "
    "dropped. Also returns which of the 4 cells of each window won (the first one on ties).":
        "Gộp cực đại 2x2, bước 2: (n, c, h, w) -> (n, c, h // 2, w // 2), bỏ hàng hoặc cột "
        "cuối khi số lẻ. Trả về cả ô thắng trong 4 ô của mỗi cửa sổ (ô đầu tiên khi bằng nhau).",
    "Send g (n, c, h2, w2) back to the cell that won each window; the other three get 0.":
        "Gửi g (n, c, h2, w2) ngược về ô đã thắng trong mỗi cửa sổ; ba ô còn lại nhận 0.",
    "Normalise each channel of x (n, c, h, w) with the batch's statistics (training) or the "
    "running ones (evaluation), then scale by gamma and shift by beta (c,).":
        "Chuẩn hoá từng kênh của x (n, c, h, w) bằng thống kê của batch (khi huấn luyện) hoặc "
        "thống kê trượt (khi đánh giá), rồi nhân với gamma và cộng beta (c,).",
    "biased: the batch is normalised with this one":
        "phương sai lệch: batch được chuẩn hoá bằng giá trị này",
    "dL/dx, dL/dgamma, dL/dbeta from g = dL/dout (n, c, h, w) (batch statistics depend on x).":
        "dL/dx, dL/dgamma, dL/dbeta từ g = dL/dout (n, c, h, w) (thống kê của batch phụ thuộc "
        "vào x).",
    # -- initial weights -------------------------------------------------------------------------
    "He initialisation: normal with variance 2 / fan_in (suits ReLU-like units).":
        "Khởi tạo He: phân phối chuẩn với phương sai 2 / fan_in (hợp với các nơ-ron kiểu ReLU).",
    "Xavier/Glorot initialisation: uniform in +-sqrt(6 / (fan_in + fan_out)).":
        "Khởi tạo Xavier/Glorot: phân phối đều trong +-sqrt(6 / (fan_in + fan_out)).",
    "LeCun initialisation: normal with variance 1 / fan_in.":
        "Khởi tạo LeCun: phân phối chuẩn với phương sai 1 / fan_in.",
    "All-zero weights.": "Trọng số toàn 0.",
    "Parameters p and layer state, drawn from one seed in the order nndesk draws.":
        "Tham số p và trạng thái của các tầng, rút từ một hạt giống (seed) theo đúng thứ tự "
        "nndesk rút.",
    "nndesk's stream for weights": "luồng ngẫu nhiên của nndesk cho trọng số",
    "one mask generator per dropout layer": "mỗi tầng dropout một bộ sinh mặt nạ",
    "what layers keep besides their parameters: nothing here":
        "những gì các tầng giữ ngoài tham số: ở đây không có gì",
    "a seed of its own": "một hạt giống (seed) riêng",
    "PReLU's negative slopes": "độ dốc phần âm của PReLU",
    # -- forward and backward --------------------------------------------------------------------
    "the activation after the max-pool: the same numbers as before it, computed on 4x fewer "
    "values (nndesk's order)":
        "hàm kích hoạt đặt sau tầng gộp cực đại: cho cùng kết quả như đặt trước, nhưng tính "
        "trên ít hơn 4 lần số giá trị (thứ tự của nndesk)",
    "Gradients of the loss for every parameter, from g = dL/dlogits and the cache c.":
        "Gradient của hàm mất mát theo mọi tham số, từ g = dL/dlogits và bộ nhớ đệm c.",
    "dropout: the same units stay off": "dropout: đúng các nơ-ron đó vẫn bị tắt",
    "ReLU: slope 1 where its input was positive, else 0":
        "ReLU: đạo hàm bằng 1 nơi đầu vào dương, ngược lại bằng 0",
    "ELU' = out + alpha below 0": "ELU' = out + alpha khi dưới 0",
    "dL/dslope": "dL/d(độ dốc)",
    # -- loss ------------------------------------------------------------------------------------
    "Softmax cross-entropy, mean over the batch, and its gradient dL/dlogits (n, k).":
        "Entropy chéo (cross-entropy) của softmax, trung bình trên batch, và gradient "
        "dL/dlogits (n, k) của nó.",
    "exp() cannot overflow": "exp() không thể tràn số",
    "each image's true class": "lớp đúng của từng ảnh",
    "-log softmax = log(total) - picked, the two sums taken apart in float64 as nndesk does":
        "-log softmax = log(total) - picked, hai tổng được lấy riêng bằng float64 như nndesk làm",
    "Binary cross-entropy of sigmoid(logits) against one-hot targets (Keras' "
    "binary_crossentropy), mean over batch and classes, and dL/dlogits (n, k).":
        "Entropy chéo nhị phân (binary cross-entropy) của sigmoid(logits) so với nhãn one-hot "
        "(binary_crossentropy của Keras), trung bình trên batch và các lớp, và dL/dlogits (n, k).",
    "max(z, 0) - z t + log(1 + e^-|z|) = -t log s - (1 - t) log(1 - s), without overflow":
        "max(z, 0) - z t + log(1 + e^-|z|) = -t log s - (1 - t) log(1 - s), không tràn số",
    "Mean squared error between the logits and one-hot targets, and dL/dlogits (n, k).":
        "Sai số bình phương trung bình giữa các logit và nhãn one-hot, và dL/dlogits (n, k).",
    "Mean squared error between softmax(logits) and one-hot targets, and dL/dlogits (n, k).":
        "Sai số bình phương trung bình giữa softmax(logits) và nhãn one-hot, và dL/dlogits "
        "(n, k).",
    "Mean squared error between sigmoid(logits) and one-hot targets, and dL/dlogits (n, k).":
        "Sai số bình phương trung bình giữa sigmoid(logits) và nhãn one-hot, và dL/dlogits "
        "(n, k).",
    "through softmax": "qua softmax",
    "through the sigmoid": "qua sigmoid",
    # -- learning-rate schedule ------------------------------------------------------------------
    "The same rate every epoch.": "Cùng một tốc độ học ở mọi epoch.",
    "Times GAMMA every STEP_EPOCHS epochs (epoch counts from 0).":
        "Nhân với GAMMA sau mỗi STEP_EPOCHS epoch (epoch đếm từ 0).",
    "Constant for CONSTANT_EPOCHS epochs, then times exp(-DECAY_RATE) per epoch.":
        "Không đổi trong CONSTANT_EPOCHS epoch, sau đó nhân với exp(-DECAY_RATE) mỗi epoch.",
    "Half a cosine from LEARNING_RATE at epoch 0 down to MIN_LR after the last.":
        "Nửa chu kỳ cosin, từ LEARNING_RATE ở epoch 0 xuống MIN_LR sau epoch cuối.",
    # -- optimizer -------------------------------------------------------------------------------
    "One gradient-descent step (the batch: the whole training set), in place.":
        "Một bước hạ gradient (batch là cả tập huấn luyện), cập nhật tại chỗ.",
    "One SGD step, in place.": "Một bước SGD, cập nhật tại chỗ.",
    "One step of SGD with momentum (Keras' form), in place.":
        "Một bước SGD có quán tính (momentum, dạng của Keras), cập nhật tại chỗ.",
    "One step of SGD with Nesterov momentum, in place.":
        "Một bước SGD có quán tính Nesterov, cập nhật tại chỗ.",
    "One RMSProp step, in place.": "Một bước RMSProp, cập nhật tại chỗ.",
    "One Adam step (Kingma & Ba, with bias correction), in place.":
        "Một bước Adam (Kingma & Ba, có hiệu chỉnh độ lệch), cập nhật tại chỗ.",
    "The same step as update, in nndesk's order of operations (--exact): it rounds as the app "
    "rounds, so the script trains to the app's numbers to the last digit.":
        "Cùng một bước với update, theo thứ tự phép tính của nndesk (--exact): làm tròn như "
        "ứng dụng làm tròn, nên script huấn luyện ra đúng các con số của ứng dụng tới chữ số cuối.",
    "running means of g and of g^2 (Adam's first and second moments)":
        "trung bình trượt của g và của g^2 (mô-men bậc một và bậc hai của Adam)",
    "bias correction: m and v start at 0": "hiệu chỉnh độ lệch: m và v bắt đầu từ 0",
    "textbook unless --exact": "bước sách giáo khoa, trừ khi có --exact",
    "nndesk's order of operations: the app's numbers to the last digit":
        "thứ tự phép tính của nndesk: đúng các con số của ứng dụng tới chữ số cuối",
    "One AdamW step (weight decay applied to the weights, not the gradient), in place.":
        "Một bước AdamW (suy giảm trọng số áp lên trọng số, không phải lên gradient), cập nhật "
        "tại chỗ.",
    "steps taken": "số bước đã đi",
    "clip the global norm": "cắt gradient theo chuẩn toàn cục",
    "weight matrices and kernels; not biases, slopes or scales":
        "ma trận trọng số và nhân chập; không áp cho bias, độ dốc hay hệ số tỉ lệ",
    "the gradient of L2 * sum(w**2)": "gradient của L2 * sum(w**2)",
    "decoupled decay of weight matrices and kernels":
        "suy giảm tách rời của ma trận trọng số và nhân chập",
    "look ahead along the velocity: w + MOMENTUM * v - lr * g":
        "nhìn trước theo hướng vận tốc: w + MOMENTUM * v - lr * g",
    "running mean of g^2": "trung bình trượt của g^2",
    "(Kingma & Ba's m) / (1 - BETA1)": "(m của Kingma & Ba) / (1 - BETA1)",
    "their v / (1 - BETA2)": "v của họ / (1 - BETA2)",
    "in the parameters' order": "theo thứ tự của các tham số",
    "no subnormals: x86 multiplies them 10x slower":
        "không để số dưới chuẩn (subnormal): x86 nhân chúng chậm 10 lần",
    # -- evaluation, steering --------------------------------------------------------------------
    "Mean loss and accuracy on (x, y), ``chunk`` images at a time, in evaluation mode.":
        "Mất mát trung bình và độ chính xác trên (x, y), mỗi lần ``chunk`` ảnh, ở chế độ đánh "
        "giá.",
    "CHANGES by (epoch, batch): the changes to make before that batch (a batch size before its "
    "epoch's first batch, at batch 0).":
        "CHANGES theo (epoch, batch): các thay đổi cần làm trước batch đó (kích thước batch thì "
        "trước batch đầu tiên của epoch, ở batch 0).",
    "One change of the record: the module setting ``name`` takes ``value`` from now on.":
        "Một thay đổi trong bản ghi: cài đặt ``name`` của module nhận ``value`` từ giờ trở đi.",
    # -- main ------------------------------------------------------------------------------------
    "folder with the four IDX files": "thư mục chứa bốn tệp IDX",
    "default {EPOCHS}": "mặc định {EPOCHS}",
    "default {SEED}": "mặc định {SEED}",
    "--epochs must be at least 1": "--epochs phải ít nhất là 1",
    "the first N training and N test images only: a quick check":
        "chỉ N ảnh huấn luyện và N ảnh kiểm tra đầu tiên: để thử nhanh",
    "--limit must be 0 (every image) or at least 100":
        "--limit phải là 0 (mọi ảnh) hoặc ít nhất là 100",
    "a quick check that the script runs, not the experiment's numbers":
        "để thử nhanh rằng script chạy được, không phải các con số của thí nghiệm",
    "--limit {args.limit}: the first {len(y_test)} test images, not the whole test set":
        "--limit {args.limit}: {len(y_test)} ảnh kiểm tra đầu tiên, không phải cả tập kiểm tra",
    "all training images: no validation split": "mọi ảnh huấn luyện: không tách tập kiểm định",
    "the training split only": "chỉ trên phần huấn luyện",
    "the optimizer's state (moments, velocities, step count)":
        "trạng thái của bộ tối ưu (các mô-men, vận tốc, số bước)",
    "{DATASET}: {n} training images, batch {batch}, epochs {args.epochs}, seed {args.seed}":
        "{DATASET}: {n} ảnh huấn luyện, batch {batch}, số epoch {args.epochs}, hạt giống "
        "{args.seed}",
    "schedules count epochs from 0": "lịch tốc độ học đếm epoch từ 0",
    "full batch: the order does not matter": "cả tập (full batch): thứ tự không quan trọng",
    "loss became {loss} in epoch {epoch}; try a lower learning rate":
        "mất mát thành {loss} ở epoch {epoch}; hãy giảm tốc độ học",
    "before the update, like loss": "trước khi cập nhật, giống mất mát",
    "a CNN epoch is slow: show progress": "một epoch của CNN chạy chậm: hiện tiến độ",
    "  {done}/{n} images  loss {loss_sum / done:.4f}  ~{left:.0f} min left":
        "  {done}/{n} ảnh  mất mát {loss_sum / done:.4f}  còn ~{left:.0f} phút",
    "minutes, at this pace": "phút, theo tốc độ hiện tại",
    "Plain NumPy convolutions are slow: an epoch of the fashion-cnn-lab preset took 16 minutes "
    "on a busy 2-core machine where nndesk took 30 seconds. Try --epochs 1 first; the progress "
    "lines say how many minutes the epoch has left.":
        "Tích chập viết bằng NumPy thuần chạy chậm: một epoch của cấu hình mẫu fashion-cnn-lab "
        "mất 16 phút trên một máy 2 lõi đang bận, nơi nndesk chỉ mất 30 giây. Hãy thử --epochs 1 "
        "trước; các dòng tiến độ cho biết epoch còn bao nhiêu phút.",
    "  val loss {val_loss:.4f} acc {val_acc:.2%}":
        "  kiểm định: mất mát {val_loss:.4f} độ chính xác {val_acc:.2%}",
    "epoch {epoch}/{args.epochs}  loss {loss_sum / n:.4f}  acc {correct / n:.2%}":
        "epoch {epoch}/{args.epochs}  mất mát {loss_sum / n:.4f}  độ chính xác {correct / n:.2%}",
    "{val}  lr {lr:.3g}  {time.perf_counter() - t0:.1f}s":
        "{val}  tốc độ học {lr:.3g}  {time.perf_counter() - t0:.1f}s",
    "test loss {test_loss:.4f}": "mất mát trên tập kiểm tra {test_loss:.4f}",
    "test loss without L2 {float(data_loss):.4f}":
        "mất mát trên tập kiểm tra không có L2 {float(data_loss):.4f}",
    "the same loss without the L2 term: what nndesk's curves and figures show":
        "cũng hàm mất mát ấy nhưng không có số hạng L2: con số mà các đường cong và số liệu "
        "của nndesk cho thấy",
    "Keras adds the L2 term (the factor times the sum of the squared weights) to the loss it "
    "prints during training, plots and returns from `evaluate`; nndesk's curves and figures "
    "show the data loss alone, so the losses here are higher by that term.":
        "Keras cộng số hạng L2 (hệ số nhân với tổng bình phương các trọng số) vào hàm mất mát "
        "mà nó in ra khi huấn luyện, vẽ thành đồ thị và trả về từ `evaluate`; các đường cong "
        "và số liệu của nndesk chỉ cho thấy mất mát trên dữ liệu, nên mất mát ở đây cao hơn "
        "đúng bằng số hạng ấy.",
    "The losses it prints hold the L2 term (see “Loss and optimiser”).":
        "Các mất mát nó in ra có chứa số hạng L2 (xem “Hàm mất mát và bộ tối ưu”).",
    "So the model is compiled with a `data_loss` metric beside the loss: the same loss without "
    "the L2 term, as nndesk counts it.":
        "Vì vậy mô hình được biên dịch với một độ đo `data_loss` bên cạnh hàm mất mát: cũng hàm "
        "mất mát ấy nhưng không có số hạng L2, như nndesk tính.",
    "The dashed lines are the loss without it (the `data_loss` metric): those compare with "
    "nndesk's curves.":
        "Các đường nét đứt là mất mát không có số hạng ấy (độ đo `data_loss`): chúng mới so "
        "sánh được với các đường cong của nndesk.",
    "{split}, with L2": "{split}, có L2",
    "{split}, without L2": "{split}, không có L2",
    "The test loss is printed twice: with the L2 term, as Keras counts it, and without it, "
    "the figure nndesk shows.":
        "Mất mát trên tập kiểm tra được in hai lần: có số hạng L2, như Keras tính, và không có "
        "nó, con số nndesk cho thấy.",
    "batch sizes: between epochs": "kích thước batch: giữa các epoch",
    "the rate given back to the schedule": "tốc độ học được trả lại cho lịch tốc độ học",
    "the first run's schedule spans these": "lịch tốc độ học của lượt chạy đầu trải trên ngần này",
    "the first run's schedule spans its own epochs; a continuation sets its own":
        "lịch tốc độ học của lượt chạy đầu trải trên các epoch của nó; phần huấn luyện tiếp đặt "
        "lịch của riêng nó",
    "The schedule's rate from ``base`` over ``epochs`` epochs at ``epoch``, from 0.":
        "Tốc độ học của lịch, bắt đầu từ ``base`` trên ``epochs`` epoch, ở epoch ``epoch`` (đếm "
        "từ 0).",
    "(FROM, EPOCHS, RATE): a continuation's":
        "(FROM, EPOCHS, RATE): lịch của một phần huấn luyện tiếp",
    "schedules count epochs from 0; a rate set by hand stays (the app's rule)":
        "lịch tốc độ học đếm epoch từ 0; tốc độ học đặt bằng tay thì giữ nguyên (quy tắc của "
        "ứng dụng)",
    # -- the Keras notebook: markdown (keras_notebook, keras_steering) ---------------------------
    "# {slug}: `{arch}` on {dataset}, in Keras": "# {slug}: `{arch}` trên {dataset}, bằng Keras",
    "Exported by nndesk from {origin}.": "Xuất bởi nndesk từ {origin}.",
    "Made with: `{command}`": "Tạo bằng: `{command}`",
    "The same experiment as nndesk trains from scratch in NumPy, built the way the labs built "
    "it in Keras.":
        "Cùng thí nghiệm mà nndesk huấn luyện từ đầu bằng NumPy, được dựng bằng Keras theo cách "
        "các bài lab đã dựng.",
    "Keras draws its own random numbers (initial weights, batch order), so its accuracy is "
    "another draw from the spread that a seed gives, not the app's digits. Measured on the "
    "fashion-mlp-lab preset with seeds 0–{last}: nndesk {app_low}–{app_high} % (mean "
    "{app_mean} %), this notebook {keras_low}–{keras_high} % (mean {keras_mean} %); one seed's "
    "two figures were up to {gap} points apart. A difference of that size is chance, not a "
    "difference between the two.":
        "Keras tự rút các số ngẫu nhiên của nó (trọng số khởi tạo, thứ tự các batch), nên độ "
        "chính xác của nó là một lần rút khác trong khoảng dao động mà hạt giống (seed) tạo ra, "
        "không trùng từng chữ số với ứng dụng. Đo trên cấu hình mẫu fashion-mlp-lab với các hạt "
        "giống 0–{last}: nndesk {app_low}–{app_high} % (trung bình {app_mean} %), notebook này "
        "{keras_low}–{keras_high} % (trung bình {keras_mean} %); hai con số của cùng một hạt "
        "giống chênh nhau tới {gap} điểm phần trăm. Chênh lệch cỡ đó là do ngẫu nhiên, không "
        "phải khác biệt giữa hai bên.",
    "Keras draws its own random numbers (initial weights, batch order), so its accuracy is "
    "another draw from the spread that a seed gives, not the app's digits. Measured on another "
    "preset, fashion-mlp-lab, not on these settings, with seeds 0–{last}: nndesk "
    "{app_low}–{app_high} % (mean {app_mean} %), its notebook {keras_low}–{keras_high} % (mean "
    "{keras_mean} %); one seed's two figures were up to {gap} points apart. These settings' "
    "spread was not measured: it may be wider or narrower.":
        "Keras tự rút các số ngẫu nhiên của nó (trọng số khởi tạo, thứ tự các batch), nên độ "
        "chính xác của nó là một lần rút khác trong khoảng dao động mà hạt giống (seed) tạo ra, "
        "không trùng từng chữ số với ứng dụng. Đo trên một cấu hình mẫu khác, fashion-mlp-lab, "
        "không phải trên các cài đặt này, với các hạt giống 0–{last}: nndesk "
        "{app_low}–{app_high} % (trung bình {app_mean} %), notebook của nó "
        "{keras_low}–{keras_high} % (trung bình {keras_mean} %); hai con số của cùng một hạt "
        "giống chênh nhau tới {gap} điểm phần trăm. Khoảng dao động của các cài đặt này chưa "
        "được đo: nó có thể rộng hơn hoặc hẹp hơn.",
    "| setting | value |": "| cài đặt | giá trị |",
    "## Set-up\nNeeds TensorFlow 2.16 or newer (Keras 3), NumPy and matplotlib: `pip install "
    "tensorflow matplotlib`.":
        "## Chuẩn bị\nCần TensorFlow 2.16 trở lên (Keras 3), NumPy và matplotlib: `pip install "
        "tensorflow matplotlib`.",
    "It reads the four IDX files from `DATA_DIR` (or its `{folder}/` sub-folder); where they are "
    "not there it downloads them into `data/{folder}/` beside the notebook. Point `DATA_DIR` at "
    "a folder holding them to use those.":
        "Notebook đọc bốn tệp IDX từ `DATA_DIR` (hoặc thư mục con `{folder}/` của nó); nếu "
        "chúng không có ở đó, nó tải chúng về `data/{folder}/` cạnh notebook. Đặt `DATA_DIR` là "
        "một thư mục đang chứa chúng để dùng các tệp đó.",
    "`DATA_DIR` is the folder nndesk read the four IDX files from when it wrote this notebook; "
    "on a computer where it does not hold them, the notebook downloads them into "
    "`data/{folder}/` beside it. Point `DATA_DIR` at another folder holding them (or its "
    "`{folder}/` sub-folder) to use those.":
        "`DATA_DIR` là thư mục mà nndesk đã đọc bốn tệp IDX khi viết notebook này; trên một máy "
        "mà thư mục đó không chứa chúng, notebook tải chúng về `data/{folder}/` cạnh nó. Đặt "
        "`DATA_DIR` là một thư mục khác đang chứa chúng (hoặc thư mục con `{folder}/` của nó) "
        "để dùng các tệp đó.",
    # the notebook's data cell (keras_notebook._FETCH, _setup)
    "where nndesk read them when it exported this": "nơi nndesk đã đọc chúng khi xuất notebook này",
    "where they are downloaded when DATA_DIR does not hold them":
        "nơi chúng được tải về khi DATA_DIR không chứa chúng",
    "the addresses nndesk downloads them from, tried in turn":
        "các địa chỉ nndesk tải chúng về, thử lần lượt",
    "Whether ``folder`` (or its sub-folder) holds the four IDX files.":
        "``folder`` (hoặc thư mục con của nó) có chứa đủ bốn tệp IDX hay không.",
    "Download the IDX files ``folder`` lacks from MIRRORS, tried in turn.":
        "Tải về các tệp IDX mà ``folder`` còn thiếu từ MIRRORS, thử lần lượt từng nguồn tải.",
    "no network, a server down or refusing (URLError too)":
        "không có mạng, máy chủ không chạy hoặc từ chối (cả URLError)",
    "gzip: a web page sent in its place is not kept":
        "gzip: một trang web được gửi thay cho tệp thì không được giữ",
    "{mirror}: not a .gz file": "{mirror}: không phải tệp .gz",
    "{stem}.gz is in neither {DATA_DIR} nor {folder}, and no mirror sent it ":
        "{stem}.gz không có trong {DATA_DIR} lẫn {folder}, và không nguồn tải nào gửi được nó ",
    "({'; '.join(failures)}): set DATA_DIR to the folder holding the IDX files.":
        "({'; '.join(failures)}): hãy đặt DATA_DIR là thư mục chứa các tệp IDX.",
    "The IDX files are not in {DATA_DIR}: downloading them into {data_dir}":
        "Các tệp IDX không có trong {DATA_DIR}: đang tải chúng về {data_dir}",
    "reading the IDX files from {data_dir}": "đọc các tệp IDX từ {data_dir}",
    "dataset": "tập dữ liệu",
    "architecture": "kiến trúc",
    "hidden activation": "hàm kích hoạt tầng ẩn",
    "output": "đầu ra",
    "loss": "mất mát",
    "optimiser": "bộ tối ưu",
    "{optimizer}, learning rate {lr}": "{optimizer}, tốc độ học {lr}",
    "batch size": "kích thước batch",
    "full (the whole training set)": "cả tập (toàn bộ tập huấn luyện)",
    "epochs": "số epoch",
    "schedule": "lịch tốc độ học",
    "inputs": "đầu vào",
    "validation": "kiểm định",
    "{share} of the training images": "{share} ảnh huấn luyện",
    "seed": "hạt giống (seed)",
    "augmentation": "tăng cường dữ liệu",
    "shifts up to {shift} px, rotations up to {rotate}°, zoom ±{scale}":
        "dịch tối đa {shift} điểm ảnh, xoay tối đa {rotate}°, phóng ±{scale}",
    "steered": "điều chỉnh",
    "stopped": "đã dừng",
    "the run was stopped {share} of the way through epoch {epoch}: epochs={closest} comes "
    "closest to the model it saved":
        "lượt chạy đã dừng khi đi được {share} của epoch {epoch}: epochs={closest} gần nhất với "
        "mô hình mà nó đã lưu",
    "{count} changes while training: these are the settings it started with (see the run's "
    "changes below)":
        "{count} thay đổi trong lúc huấn luyện: đây là các cài đặt lúc bắt đầu (xem các thay "
        "đổi của lượt chạy bên dưới)",
    "## Data\nThe IDX files are read with `gzip` and `struct`, every size checked against the "
    "bytes present, into uint8 arrays (n, 28, 28).":
        "## Dữ liệu\nCác tệp IDX được đọc bằng `gzip` và `struct`, mọi kích thước đều được đối "
        "chiếu với số byte thực có, thành các mảng uint8 (n, 28, 28).",
    "## Validation split\nNone: like the lab, this experiment trains on all training images and "
    "only the test set scores it.":
        "## Tách tập kiểm định\nKhông có: giống bài lab, thí nghiệm này huấn luyện trên mọi ảnh "
        "huấn luyện và chỉ tập kiểm tra chấm điểm nó.",
    "## Validation split\n{share} of the training images of every class are held out to watch "
    "over-fitting (nndesk's stratified split with the same seeded stream).":
        "## Tách tập kiểm định\n{share} ảnh huấn luyện của mỗi lớp được giữ riêng để theo dõi "
        "quá khớp (overfitting) (cách tách phân tầng của nndesk, với cùng luồng ngẫu nhiên có "
        "hạt giống (seed)).",
    "## Normalisation": "## Chuẩn hoá",
    "Raw pixel values 0..255, as the lab fed them.":
        "Giữ nguyên giá trị điểm ảnh 0..255, như bài lab đã đưa vào.",
    "Pixels divided by 255: inputs in [0, 1].": "Điểm ảnh chia cho 255: đầu vào trong [0; 1].",
    "Pixels mapped to [-1, 1]: x / 127.5 - 1.":
        "Điểm ảnh được đưa về [-1; 1]: x / 127,5 - 1.",
    "Standardised with one mean and standard deviation over every training pixel.":
        "Chuẩn hoá bằng một giá trị trung bình và một độ lệch chuẩn trên mọi điểm ảnh huấn "
        "luyện.",
    "Images become rows of 784 values, as nndesk feeds them.":
        "Mỗi ảnh thành một hàng 784 giá trị, như nndesk đưa vào mạng.",
    "## The network": "## Mạng nơ-ron",
    "nndesk's `{arch}`, layer by layer (shapes per image):":
        "`{arch}` của nndesk, từng tầng một (hình dạng cho mỗi ảnh):",
    "- dense {n_in} → {n_out}, {init} initial weights":
        "- tầng kết nối đầy đủ (dense) {n_in} → {n_out}, trọng số khởi tạo {init}",
    "He": "He",
    "Glorot uniform": "Glorot đều",
    "LeCun": "LeCun",
    "zero": "bằng 0",
    "- {filters} convolution kernels {k}×{k}, {padding} → {shape}":
        "- tích chập: {filters} nhân chập {k}×{k}, {padding} → {shape}",
    "'same' padding": "đệm 'same'",
    "no padding ('valid')": "không đệm ('valid')",
    "- 2×2 max-pooling → {shape}": "- gộp cực đại (max pooling) 2×2 → {shape}",
    "- batch normalisation per channel": "- chuẩn hoá theo batch cho từng kênh",
    ", slopes starting at {init}": ", độ dốc bắt đầu từ {init}",
    "- dropout {rate} (training only)": "- dropout {rate} (chỉ khi huấn luyện)",
    "- flatten → {shape}": "- làm phẳng (flatten) → {shape}",
    "- {output} output": "- đầu ra {output}",
    "L2 on every weight matrix and kernel, starting at {l2}: one `L2` regulariser shared by the "
    "layers, so the run's changes reach all.":
        "L2 trên mọi ma trận trọng số và nhân chập, bắt đầu từ {l2}: một bộ điều chuẩn "
        "`L2` dùng chung cho các tầng, để các thay đổi của lượt chạy đến được tất cả.",
    "L2 {l2} on every weight matrix and kernel (Keras' `l2`).":
        "L2 {l2} trên mọi ma trận trọng số và nhân chập (`l2` của Keras).",
    "nndesk applies a conv layer's activation after its max-pool, which gives the same numbers "
    "as Keras' `activation=` on the Conv2D.":
        "nndesk áp hàm kích hoạt của tầng tích chập sau tầng gộp cực đại của nó, cho cùng kết "
        "quả như `activation=` của Keras trên Conv2D.",
    "The training loop shifts, rotates and zooms the training images in NumPy, as nndesk does, "
    "so that the run's changes can switch it and set its strengths.":
        "Vòng huấn luyện dịch, xoay và phóng to/thu nhỏ ảnh huấn luyện bằng NumPy, như nndesk "
        "làm, để các thay đổi của lượt chạy có thể bật/tắt và đặt mức độ của nó.",
    "The random layers at the top shift, rotate and zoom the training images (Keras turns them "
    "off in evaluation).":
        "Các tầng ngẫu nhiên ở đầu mạng dịch, xoay và phóng to/thu nhỏ ảnh huấn luyện (Keras "
        "tắt chúng khi đánh giá).",
    "## Loss and optimiser": "## Hàm mất mát và bộ tối ưu",
    "Cross-entropy of the softmax against the class number (`sparse_categorical_crossentropy`).":
        "Entropy chéo (cross-entropy) của softmax so với số thứ tự lớp "
        "(`sparse_categorical_crossentropy`).",
    "Binary cross-entropy of every sigmoid output against one-hot targets, as the MNIST lab "
    "scored it.":
        "Entropy chéo nhị phân (binary cross-entropy) của mỗi đầu ra sigmoid so với nhãn "
        "one-hot, như bài lab MNIST đã chấm.",
    "Mean squared error between the outputs and one-hot targets.":
        "Sai số bình phương trung bình (mean squared error) giữa đầu ra và nhãn one-hot.",
    "Plain gradient descent (SGD on the whole training set as one batch)":
        "Hạ gradient thuần (SGD trên cả tập huấn luyện như một batch)",
    "SGD": "SGD",
    "SGD with momentum {momentum}": "SGD có quán tính (momentum) {momentum}",
    "SGD with Nesterov momentum {momentum}": "SGD có quán tính Nesterov {momentum}",
    "RMSProp": "RMSProp",
    "Adam": "Adam",
    "AdamW (decoupled weight decay {decay})": "AdamW (suy giảm trọng số tách rời {decay})",
    "{optimizer} with learning rate {lr}": "{optimizer} với tốc độ học {lr}",
    " and epsilon {eps}": " và epsilon {eps}",
    ", gradients clipped to a global norm of {clip}":
        ", cắt gradient (clip norm) về chuẩn toàn cục tối đa {clip}",
    "## Learning-rate schedule": "## Lịch tốc độ học",
    "Constant: the same learning rate every epoch.":
        "Không đổi: cùng một tốc độ học ở mọi epoch.",
    "Multiplied by {gamma} every {step} epochs.": "Nhân với {gamma} sau mỗi {step} epoch.",
    "Constant for {step} epochs, then multiplied by exp(-{rate}) every epoch (the lab's "
    "callback).":
        "Không đổi trong {step} epoch, sau đó nhân với exp(-{rate}) mỗi epoch (callback của "
        "bài lab).",
    "Half a cosine from {lr} down to {min_lr} over the run.":
        "Nửa chu kỳ cosin, từ {lr} xuống {min_lr} trong suốt lượt chạy.",
    "## The run's changes": "## Các thay đổi của lượt chạy",
    "The run was steered while it trained. Its change record, replayed by the training loop "
    "below at the same batches: {said}. A rate set by hand replaces the schedule from then on; "
    "a batch size takes effect from the start of its epoch. Keras compiles momentum, L2 and "
    "dropout into its training step, so `steer` traces the step again after changing one of "
    "them.":
        "Lượt chạy đã được điều chỉnh trong lúc huấn luyện. Bản ghi thay đổi của nó, được vòng "
        "huấn luyện bên dưới lặp lại ở đúng các batch đó: {said}. Tốc độ học đặt bằng tay sẽ "
        "thay lịch tốc độ học từ lúc đó; kích thước batch có hiệu lực từ đầu epoch của nó. "
        "Keras biên dịch quán tính, L2 và dropout vào bước huấn luyện, nên `steer` dựng lại "
        "bước đó sau khi đổi một trong số chúng.",
    "epoch {epoch}, batch {batch}: {change}": "epoch {epoch}, batch {batch}: {change}",
    "## Training": "## Huấn luyện",
    "{epochs} epochs in {batch}.": "{epochs} epoch với {batch}.",
    "the whole training set as one batch (full-batch gradient descent)":
        "cả tập huấn luyện là một batch (hạ gradient toàn batch)",
    "batches of {size}, reshuffled every epoch": "các batch {size} ảnh, xáo trộn lại mỗi epoch",
    "One `train_on_batch` call per batch, in nndesk's order for each epoch, making each change "
    "of the record before its batch; the loss and accuracy of an epoch are the running means "
    "Keras keeps over its batches.":
        "Mỗi batch một lần gọi `train_on_batch`, theo thứ tự của nndesk trong mỗi epoch, thực "
        "hiện mỗi thay đổi của bản ghi trước batch của nó; mất mát và độ chính xác của một epoch "
        "là các trung bình trượt Keras giữ qua các batch.",
    "## Evaluation\nAccuracy on the 10,000 test images, printed as `test_accuracy=0.xxxx` like "
    "nndesk's exported script.":
        "## Đánh giá\nĐộ chính xác trên 10.000 ảnh kiểm tra, in ra dạng `test_accuracy=0.xxxx` "
        "giống script nndesk xuất ra.",
    "## Curves\nLoss and accuracy per epoch, as on nndesk's Train page.":
        "## Đường cong\nMất mát và độ chính xác theo từng epoch, như trên trang Huấn luyện của "
        "nndesk.",
    "train": "huấn luyện",
    "accuracy": "độ chính xác",
    # -- the Keras notebook: its code cells ------------------------------------------------------
    "the folder with the IDX files": "thư mục chứa các tệp IDX",
    "Python, NumPy and TensorFlow in one call": "Python, NumPy và TensorFlow trong một lần gọi",
    "the loss compares probabilities with one-hot targets":
        "hàm mất mát so sánh xác suất với nhãn one-hot",
    "class numbers (sparse targets)": "số thứ tự lớp (nhãn dạng sparse)",
    "images, channels last": "ảnh, kênh ở cuối",
    "one for every layer": "một bộ cho mọi tầng",
    "The rate for epoch ``epoch`` (counted from 0).":
        "Tốc độ học cho epoch ``epoch`` (đếm từ 0).",
    "One change of the record (not the rate: the loop sets that), made where Keras keeps the "
    "setting.":
        "Một thay đổi của bản ghi (không phải tốc độ học: vòng lặp đặt nó), thực hiện ở nơi "
        "Keras giữ cài đặt đó.",
    "AdamW's decoupled decay is 2 * L2": "suy giảm tách rời của AdamW là 2 * L2",
    "the regulariser every layer shares": "bộ điều chuẩn mọi tầng dùng chung",
    "the batch size and augmentation: the loop below reads them":
        "kích thước batch và tăng cường dữ liệu: vòng lặp bên dưới đọc chúng",
    "Keras compiled the old number into its training step: trace the step again":
        "Keras đã biên dịch giá trị cũ vào bước huấn luyện: dựng lại bước đó",
    "nndesk's stream": "luồng ngẫu nhiên của nndesk",
    "the schedule's rate (it counts epochs from 0) until one is set by hand":
        "tốc độ học theo lịch (đếm epoch từ 0) cho đến khi có tốc độ học đặt bằng tay",
    "this batch's figures (Keras 3 keeps no running mean over the calls): the epoch's are "
    "their mean over its images, as nndesk counts them":
        "các con số của batch này (Keras 3 không giữ trung bình cộng dồn qua các lần gọi): con "
        "số của epoch là trung bình của chúng trên các ảnh của nó, như nndesk đếm",
    "epoch {epoch}/{EPOCHS}  loss {history['loss'][-1]:.4f}  ":
        "epoch {epoch}/{EPOCHS}  mất mát {history['loss'][-1]:.4f}  ",
    "accuracy {history['accuracy'][-1]:.2%}  lr {lr:.3g}":
        "độ chính xác {history['accuracy'][-1]:.2%}  tốc độ học {lr:.3g}",
    # a Keras notebook steering only the rate (a steering function with no traced branch)
    "the loop below reads it": "vòng lặp bên dưới đọc giá trị này",
    # a continued run (codegen.continued)
    "continued": "huấn luyện tiếp",
    "This run continued the model file {path}, which can no longer be read: this script "
    "trains from fresh initial weights with the settings the continuation started with, so it "
    "is not the run as it was trained.":
        "Lượt chạy này huấn luyện tiếp tệp mô hình {path}, tệp đó nay không đọc được nữa: script "
        "này huấn luyện từ trọng số khởi tạo mới với các cài đặt mà phần huấn luyện tiếp bắt "
        "đầu, nên nó không phải là lượt chạy như đã huấn luyện.",
    "This run was continued: this script trains it straight through from the settings {first} "
    "started with, and CHANGES sets each setting a continuation started with (where it "
    "differed) at the batch it went on from.":
        "Lượt chạy này là một lần huấn luyện tiếp: script này huấn luyện một mạch từ các cài đặt "
        "mà {first} bắt đầu, và CHANGES đặt mỗi cài đặt mà phần huấn luyện tiếp bắt đầu (nếu "
        "khác) ở đúng batch nó tiếp tục.",
    "This run was continued: this script trains it straight through from the settings {first} "
    "started with; no setting changed where it went on.":
        "Lượt chạy này là một lần huấn luyện tiếp: script này huấn luyện một mạch từ các cài đặt "
        "mà {first} bắt đầu; không cài đặt nào thay đổi ở chỗ nó tiếp tục.",
    "It went on from {source} at batch {batch} of epoch {epoch}, with the weights and optimizer "
    "state saved there.":
        "Nó tiếp tục từ {source} ở batch {batch} của epoch {epoch}, với trọng số và trạng thái "
        "bộ tối ưu đã lưu ở đó.",
    "From there this script does not follow the continuation's {names}: its numbers after that "
    "batch are not the run's.":
        "Từ đó script này không theo {names} của phần huấn luyện tiếp: các con số sau batch đó "
        "không phải của lượt chạy.",
    "{first}'s {schedule} schedule ran over its {planned} epochs; here it runs over all "
    "{epochs}, so the rates differ from epoch 1.":
        "Lịch tốc độ học {schedule} của {first} trải trên {planned} epoch của nó; ở đây nó trải "
        "trên cả {epochs} epoch, nên tốc độ học khác ngay từ epoch 1.",
    "{first}'s {schedule} schedule ran over its one epoch; here it runs over all {epochs}, so "
    "the rates differ from epoch 1.":
        "Lịch tốc độ học {schedule} của {first} trải trên một epoch duy nhất của nó; ở đây nó "
        "trải trên cả {epochs} epoch, nên tốc độ học khác ngay từ epoch 1.",
    "From epoch {epoch} on, CHANGES's SCHEDULE row runs the schedule from lr {lr} over epochs "
    "{first} to {last}, as that continuation did.":
        "Từ epoch {epoch}, dòng SCHEDULE trong CHANGES chạy lịch tốc độ học từ lr {lr} trên các "
        "epoch {first} đến {last}, như phần huấn luyện tiếp đó đã làm.",
}

#: English with ``<name>`` wildcards (the numbers of a comment) -> Vietnamese with the same
PATTERNS: dict[str, str] = {
    # the window's menu path (nndesk.ui.export_code.made_with): the Vietnamese words alone
    "the nndesk window, <where> > Export code > Export as <kind>… (in Tiếng Việt: <path>)":
        "cửa sổ nndesk, <path>",
    # the Runs view's Export menu's items (ui/runs_export_menu.py)
    "the nndesk window, <where> > Export > Experiment as <kind>… (in Tiếng Việt: <path>)":
        "cửa sổ nndesk, <path>",
    # the items exporting the run on show: their header stood in English (lab56)
    "the nndesk window, <where> > Export code > Export the run on show as <kind>… "
    "(in Tiếng Việt: <path>)":
        "cửa sổ nndesk, <path>",
    # the form's items while a run is on show, which name the Settings tab (walk70 L5)
    "the nndesk window, <where> > Export code > Export the Settings tab as <kind>… "
    "(in Tiếng Việt: <path>)":
        "cửa sổ nndesk, <path>",
    "model file <name>": "tệp mô hình <name>",
    # a run of a lab preset (experiment._run_names): before "run <run>", which would take it all
    "run <run> (preset <name>)": "lượt chạy <run> (cấu hình mẫu <name>)",
    "run <run> (edited from preset <name>)": "lượt chạy <run> (sửa từ cấu hình mẫu <name>)",
    "run <run>": "lượt chạy <run>",
    "dense <n>: <x> @ <w> -> <out>": "tầng kết nối đầy đủ <n>: <x> @ <w> -> <out>",
    "conv <n>: <k> kernels, <x> -> <out>": "tầng tích chập <n>: nhân chập <k>, <x> -> <out>",
    "max-pool: <x> -> <out>": "gộp cực đại: <x> -> <out>",
    "back to <shape>": "trở lại <shape>",
    "<x> -> <out> images": "<x> -> <out> ảnh",
    "inverted dropout: zero <share> of the units, scale the rest":
        "dropout đảo (inverted): đặt <share> số nơ-ron về 0, nhân phần còn lại lên để bù",
    "PReLU <shape>: learned slopes": "PReLU <shape>: độ dốc được học",
    "ReLU <shape>": "ReLU <shape>",
    "leaky ReLU <shape>": "leaky ReLU <shape>",
    "sigmoid <shape>": "sigmoid <shape>",
    "tanh <shape>": "tanh <shape>",
    "x <x> -> logits <out>, and the values backward needs.":
        "x <x> -> logit <out>, cùng các giá trị mà bước lan truyền ngược cần.",
}

# fmt: on

#: English that reads the same in Vietnamese (formulas, shapes, names)
SAME: frozenset[str] = frozenset(
    {
        "(f, n*oh*ow) @ (n*oh*ow, c*k*k)",
        "(n*oh*ow, c*k*k) @ (c*k*k, f) -> (n*oh*ow, f)",
        "(n*oh*ow, f)",
        "ELU",
        "PReLU",
        "leaky ReLU",
        "sigmoid' = s (1 - s)",
        "tanh' = 1 - tanh^2",
        "dL/da",
        "softmax(logits)",
        "softmax(logits) / n",
        "sqrt(v_hat) = c * sqrt(v)",
        "lr * m_hat / c = step * m",
        "lr * m_hat / (sqrt(v_hat) + EPS)",
        "one-hot (n, k)",
    }
)
