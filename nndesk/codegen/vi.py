"""Vietnamese for exported code (``nndesk.codegen.words``): English text -> its Vietnamese.

The terms are the window's (docs/glossary-vi.md, nndesk/i18n/nndesk_vi.ts): epoch, batch,
tốc độ học (learning rate), mất mát (loss), độ chính xác (accuracy), kiểm định (validation),
tập huấn luyện, ảnh kiểm tra, trọng số, tầng, tích chập, gộp cực đại, chuẩn hoá theo batch,
bộ tối ưu, quán tính, tăng cường dữ liệu, seed.

A key is the English exactly as the generator writes it: a comment's text after "# " (comment
lines that follow each other joined by a space), a string's content between its quotes, a
docstring's paragraphs each on one line, separated by a blank line. A translation keeps a
string's ``{...}`` places exactly (they are code) and a template's ``{name}`` places.
"""

from __future__ import annotations

# fmt: off
#: English -> Vietnamese, looked up whole
TEXTS: dict[str, str] = {
    # -- the script's header (numpy_script._header) ---------------------------------------------
    "{slug}: a {arch} network for {dataset}, trained with {optimizer}, in plain NumPy.":
        "{slug}: mạng {arch} cho {dataset}, huấn luyện bằng {optimizer}, viết bằng NumPy thuần.",
    "{optimizer} (lr {lr})": "{optimizer} (tốc độ học {lr})",
    "Exported by nndesk from {origin}": "Xuất bởi nndesk từ {origin}",
    "Made with: {command}": "Tạo bằng: {command}",
    "Network: {net}": "Mạng: {net}",
    "Run it:  python THIS_FILE.py --data-dir DIR [--epochs N] [--seed S]":
        "Cách chạy:  python THIS_FILE.py --data-dir DIR [--epochs N] [--seed S]",
    "DIR holds the four IDX files (train-images-idx3-ubyte.gz ...) or a {folder}/ folder with "
    "them. It needs only NumPy.":
        "DIR chứa bốn tệp IDX (train-images-idx3-ubyte.gz ...) hoặc một thư mục {folder}/ "
        "chứa chúng. Script chỉ cần NumPy.",
    "With the same --seed and data it draws the same {these} and {last} as nndesk, so it "
    "reaches the app's accuracy for this experiment.":
        "Với cùng --seed và cùng dữ liệu, script rút ra cùng {these} và {last} như nndesk, nên "
        "đạt đúng độ chính xác của ứng dụng cho thí nghiệm này.",
    "initial weights": "trọng số khởi tạo",
    "batches": "các batch",
    "dropout masks": "mặt nạ dropout",
    "augmentations": "phép tăng cường dữ liệu",
    "The last line it prints is test_accuracy=0.xxxx.":
        "Dòng cuối cùng script in ra là test_accuracy=0.xxxx (độ chính xác trên tập kiểm tra).",
    "{change} (epoch {epoch}, batch {batch})": "{change} (epoch {epoch}, batch {batch})",
    " and {count} more": " và {count} thay đổi khác",
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
    # -- imports ---------------------------------------------------------------------------------
    "the matrices of a small MLP are small: one BLAS thread is faster than several waiting on "
    "each other (nndesk does the same); set before NumPy loads, and only where you have not set "
    "it yourself":
        "các ma trận của một MLP nhỏ đều nhỏ: một luồng BLAS nhanh hơn nhiều luồng chờ lẫn nhau "
        "(nndesk cũng làm vậy); đặt trước khi nạp NumPy, và chỉ khi bạn chưa tự đặt",
    "(after the thread settings above)": "(sau phần đặt số luồng ở trên)",
    # -- settings --------------------------------------------------------------------------------
    "the experiment's settings": "các cài đặt của thí nghiệm",
    "far above the 47 MB of MNIST's training images": "cao hơn nhiều so với 47 MB ảnh huấn "
    "luyện của MNIST",
    "IDX files of this dataset": "tệp IDX của tập dữ liệu này",
    "sub-folders --data-dir may use": "các thư mục con --data-dir có thể dùng",
    "0: the whole training set is one batch": "0: cả tập huấn luyện là một batch",
    "images per gradient step": "số ảnh cho mỗi bước gradient",
    "the same seed gives the same run": "cùng seed cho cùng một lượt chạy",
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
    "``stem`` (.gz or raw) in ``data_dir`` or its dataset sub-folder (e.g. fashion-mnist/).":
        "``stem`` (.gz hoặc không nén) trong ``data_dir`` hoặc trong thư mục con của tập dữ "
        "liệu (ví dụ fashion-mnist/).",
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
        "Tích chập (tương quan chéo) x (n, c, h, w) với các nhân w (f, c, k, k): (n, f, oh, "
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
        "Tham số p và trạng thái của các tầng, rút từ một seed theo đúng thứ tự nndesk rút.",
    "nndesk's stream for weights": "luồng ngẫu nhiên của nndesk cho trọng số",
    "one mask generator per dropout layer": "mỗi tầng dropout một bộ sinh mặt nạ",
    "what layers keep besides their parameters: nothing here":
        "những gì các tầng giữ ngoài tham số: ở đây không có gì",
    "a seed of its own": "một seed riêng",
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
    "One Adam step (with bias correction), in place.":
        "Một bước Adam (có hiệu chỉnh độ lệch), cập nhật tại chỗ.",
    "One AdamW step (weight decay applied to the weights, not the gradient), in place.":
        "Một bước AdamW (suy giảm trọng số áp lên trọng số, không phải lên gradient), cập nhật "
        "tại chỗ.",
    "steps taken": "số bước đã đi",
    "clip the global norm": "cắt gradient theo chuẩn toàn cục",
    "weight matrices and kernels; not biases, slopes or scales":
        "ma trận trọng số và nhân tích chập; không áp cho bias, độ dốc hay hệ số tỉ lệ",
    "the gradient of L2 * sum(w**2)": "gradient của L2 * sum(w**2)",
    "decoupled decay of weight matrices and kernels":
        "suy giảm tách rời của ma trận trọng số và nhân tích chập",
    "look ahead along the velocity": "nhìn trước theo hướng vận tốc",
    "running mean of g^2": "trung bình trượt của g^2",
    "bias correction": "hiệu chỉnh độ lệch",
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
    "all training images: no validation split": "mọi ảnh huấn luyện: không tách tập kiểm định",
    "the training split only": "chỉ trên phần huấn luyện",
    "the optimizer's state (moments, velocities, step count)":
        "trạng thái của bộ tối ưu (các moment, vận tốc, số bước)",
    "{DATASET}: {n} training images, batch {batch}, {args.epochs} epochs, seed {args.seed}":
        "{DATASET}: {n} ảnh huấn luyện, batch {batch}, {args.epochs} epoch, seed {args.seed}",
    "schedules count epochs from 0": "lịch tốc độ học đếm epoch từ 0",
    "full batch: the order does not matter": "cả tập một batch: thứ tự không quan trọng",
    "loss became {loss} in epoch {epoch}; try a lower learning rate":
        "mất mát thành {loss} ở epoch {epoch}; hãy giảm tốc độ học",
    "before the update, like loss": "trước khi cập nhật, giống mất mát",
    "a CNN epoch is slow: show progress": "một epoch của CNN chạy chậm: hiện tiến độ",
    "  {done}/{n} images  loss {loss_sum / done:.4f}":
        "  {done}/{n} ảnh  mất mát {loss_sum / done:.4f}",
    "  val loss {val_loss:.4f} acc {val_acc:.2%}":
        "  kiểm định: mất mát {val_loss:.4f} độ chính xác {val_acc:.2%}",
    "epoch {epoch}/{args.epochs}  loss {loss_sum / n:.4f}  acc {correct / n:.2%}":
        "epoch {epoch}/{args.epochs}  mất mát {loss_sum / n:.4f}  độ chính xác {correct / n:.2%}",
    "{val}  lr {lr:.3g}  {time.perf_counter() - t0:.1f}s":
        "{val}  tốc độ học {lr:.3g}  {time.perf_counter() - t0:.1f}s",
    "test loss {test_loss:.4f}": "mất mát trên tập kiểm tra {test_loss:.4f}",
    "batch sizes: between epochs": "kích thước batch: giữa các epoch",
    "schedules count epochs from 0; a rate set by hand stays (the app's rule)":
        "lịch tốc độ học đếm epoch từ 0; tốc độ học đặt bằng tay thì giữ nguyên (quy tắc của "
        "ứng dụng)",
}

#: English with ``<name>`` wildcards (the numbers of a comment) -> Vietnamese with the same
PATTERNS: dict[str, str] = {
    # the window's menu path (nndesk.ui.export_code.made_with): the Vietnamese words alone
    "the nndesk window, <where> > Export code > Export as <kind>… (in Tiếng Việt: <path>)":
        "cửa sổ nndesk, <path>",
    "model file <name>": "tệp mô hình <name>",
    "run <run>": "lượt chạy <run>",
    "dense <n>: <x> @ <w> -> <out>": "tầng dense <n>: <x> @ <w> -> <out>",
    "conv <n>: <k> kernels, <x> -> <out>": "tầng tích chập <n>: nhân <k>, <x> -> <out>",
    "max-pool: <x> -> <out>": "gộp cực đại: <x> -> <out>",
    "back to <shape>": "trở lại <shape>",
    "<x> -> <out> images": "<x> -> <out> ảnh",
    "inverted dropout: zero <share> of the units, scale the rest":
        "dropout đảo: đặt <share> số nơ-ron về 0, phóng to phần còn lại",
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
        "one-hot (n, k)",
    }
)
