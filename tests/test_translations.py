"""The window's translations are complete, current, compiled and worded by the glossary.

Each failure says which string is wrong and what to run: `python -m tools.translations` updates
nndesk/i18n/nndesk_<code>.ts from the sources and compiles the .qm; the translations themselves
are typed into the .ts (see the README's "Languages").
"""

from __future__ import annotations

import ast
import re
import textwrap
from pathlib import Path

import pytest

from nndesk.i18n import LANGUAGES, qm_path, translated_languages, ts_path
from tools import translations

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "docs" / "glossary-vi.md"
CODES = translated_languages()


def _listing(lines: list[str], code: str) -> str:
    shown = "\n  ".join(lines[:40])
    more = f"\n  ... and {len(lines) - 40} more" if len(lines) > 40 else ""
    return f"\n  {shown}{more}\nTo fix: {translations.how_to_fix(code)}"


def test_vietnamese_is_offered_and_has_its_files():
    assert LANGUAGES["vi"] == "Tiếng Việt"
    for code in CODES:
        assert ts_path(code).is_file() and qm_path(code).is_file(), code


@pytest.mark.parametrize("code", CODES)
def test_every_string_of_the_sources_is_in_the_committed_translation_and_nothing_else(code):
    committed = {m.key for m in translations.read_ts(ts_path(code))}
    fresh = translations.extracted(ts_path(code))
    new = [m.describe() for m in fresh if m.key not in committed]
    gone = sorted(committed - {m.key for m in fresh})
    lines = [f"not in {ts_path(code).name} yet: {d}" for d in new]
    lines += [f"no longer in the sources: {key[0]!r}: {key[1]!r}" for key in gone]
    assert not lines, f"{ts_path(code).name} is out of date with the sources:" + _listing(
        lines, code
    )


@pytest.mark.parametrize("code", CODES)
def test_every_source_string_has_a_non_empty_translation(code):
    messages = translations.read_ts(ts_path(code))
    assert len(messages) > 0
    untranslated = [m.describe() for m in messages if m.unfinished or not m.translation.strip()]
    assert not untranslated, f"not translated in {ts_path(code).name}:" + _listing(
        untranslated, code
    )


@pytest.mark.parametrize("code", CODES)
def test_placeholders_match_between_source_and_translation(code):
    wrong = [
        f"{m.describe()}: source has {translations.placeholders(m.source)}, "
        f"translation {m.translation!r} has {translations.placeholders(m.translation)}"
        for m in translations.read_ts(ts_path(code))
        if m.translation
        and translations.placeholders(m.source) != translations.placeholders(m.translation)
    ]
    assert not wrong, "placeholders ({name}, %1) must be kept as they are:" + _listing(wrong, code)


#: A number written with a decimal point: "0.25", "127.5", "0.001" (never a digit group such as
#: "1.000", nor an architecture such as "784-64-10" or a version such as "3.11")
POINT_DECIMAL = re.compile(r"(?<![\d.\w-])0\.\d|(?<![\d.])\d+\.\d{1,2}(?![\d.])|\d\.\d{4,}")
#: Languages whose decimal mark is a comma (QLocale(code).decimalPoint())
COMMA_DECIMALS = ("vi",)


@pytest.mark.parametrize("code", [c for c in CODES if c in COMMA_DECIMALS])
def test_numbers_in_translations_use_the_languages_decimal_mark(code):
    """The Vietnamese presets and Race lanes read "Adam 0.01", "lr 0.001" beside the window's
    "0,4887": every number the window shows uses one decimal mark."""
    wrong = [
        f"{m.describe()}: {m.translation!r}"
        for m in translations.read_ts(ts_path(code))
        if POINT_DECIMAL.search(m.translation)
    ]
    assert not wrong, "write decimals with a comma (0,25):" + _listing(wrong, code)


def test_placeholders_are_found_in_both_notations():
    found = translations.placeholders("{count} of %1 at {rate:.1f}, %n")
    assert found == sorted(["{count}", "%1", "{rate:.1f}", "%n"])
    assert translations.placeholders("no braces here") == []


@pytest.mark.parametrize("code", CODES)
def test_the_committed_qm_is_the_compiled_ts(code, tmp_path):
    compiled = tmp_path / qm_path(code).name
    translations.lrelease(ts_path(code), compiled)
    assert compiled.read_bytes() == qm_path(code).read_bytes(), (
        f"{qm_path(code).name} is not the compiled {ts_path(code).name}: "
        f"run `{translations.COMMAND}`"
    )


def test_a_new_untranslated_string_is_reported_with_the_command_to_run(tmp_path):
    sources = tmp_path / "pkg"
    sources.mkdir()
    (sources / "page.py").write_text(
        textwrap.dedent(
            """
            from nndesk.ui.language import translate
            TITLE = translate("Page", "Weights of {n} units")
            """
        )
    )
    ts = tmp_path / "nndesk_vi.ts"
    found = translations.problems(ts, sources)
    assert f"not in {ts} yet: context 'Page': 'Weights of {{n}} units'" in found
    translations.lupdate(ts, sources)  # what the command does: the string is now listed, empty
    assert translations.problems(ts, sources) == [
        f"not translated in {ts}: context 'Page': 'Weights of {{n}} units'"
    ]
    text = ts.read_text(encoding="utf-8")
    ts.write_text(
        text.replace(
            '<translation type="unfinished"></translation>', "<translation>x</translation>"
        )
    )
    assert translations.problems(ts, sources) == [
        f"placeholders differ in {ts}: context 'Page': 'Weights of {{n}} units' has ['{{n}}'], "
        "its translation 'x' has []"
    ]
    assert "python -m tools.translations" in translations.how_to_fix("vi")


def test_a_constants_note_stays_off_the_messages_below_it_and_a_note_above_one_is_its_own(
    tmp_path,
):
    """lupdate glued every ``#:`` comment (nndesk's notes on constants) onto the next message in
    the file, however far below: "{file}: the image is blank" carried NEARLY_EMPTY_SIDE's note."""
    import xml.etree.ElementTree as ET

    sources = tmp_path / "pkg"
    sources.mkdir()
    (sources / "page.py").write_text(
        textwrap.dedent(
            """
            from nndesk.i18n import N_
            #: a drawing smaller than this fraction of the canvas is too little to read
            NEARLY_EMPTY_SIDE = 0.1


            def blank(file):
                #: pixels a side
                side = 28
                return N_("{file}: the image is blank")


            #: the window's line when a folder holds the other dataset
            OTHER = N_("{folder} holds the other dataset")
            #: a note with a line of code before its message
            x = 1
            LAST = N_("last")
            """
        )
    )
    ts = tmp_path / "nndesk_vi.ts"
    translations.lupdate(ts, sources)
    notes = {
        m.findtext("source"): m.findtext("extracomment")
        for m in ET.parse(ts).getroot().iter("message")
    }
    other = "the window's line when a folder holds the other dataset"
    assert notes == {
        "{file}: the image is blank": None,
        "{folder} holds the other dataset": other,
        "last": None,
    }
    assert "#: a drawing smaller" in (sources / "page.py").read_text()  # the source is as it was


def test_no_message_of_the_committed_translations_carries_a_note_of_another_line():
    for code in translated_languages():
        messages = ts_notes(ts_path(code))
        assert messages["{file}: the image is blank, nothing to classify"] is None
        assert messages["nndesk cannot do this"] == (
            "the kind of problem in a few words, marked for translation; the window puts it "
            "before an English detail that has no translation"
        )


def ts_notes(ts: Path) -> dict[str, str | None]:
    """source -> its note (extracomment) in ``ts``."""
    import xml.etree.ElementTree as ET

    return {
        m.findtext("source") or "": m.findtext("extracomment")
        for m in ET.parse(ts).getroot().iter("message")
    }


def _translate_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        if name in ("translate", "QT_TRANSLATE_NOOP", "tr"):
            yield node


def test_strings_marked_for_translation_are_plain_literals_lupdate_can_read():
    """An f-string or a variable in translate() is extracted wrongly or not at all."""
    wrong = []
    for path in translations.source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _translate_calls(tree):
            name = getattr(call.func, "attr", None) or getattr(call.func, "id", None)
            texts = call.args[:1] if name == "tr" else call.args[:2]
            if path.name == "language.py" or path.parts[-2:] == ("i18n", "__init__.py"):
                continue  # the definitions and their pass-through of runtime texts
            for arg in texts:
                if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                    where = f"{path.relative_to(ROOT)}:{call.lineno}"
                    wrong.append(f"{where}: {ast.unparse(call)[:90]}")
    assert not wrong, (
        'translate("Context", "text") needs string literals (put values in with '
        ".format(name=...) after it; mark runtime texts with QT_TRANSLATE_NOOP where they are "
        "written):\n  " + "\n  ".join(wrong)
    )


def _glossary() -> list[tuple[list[str], str]]:
    """(English spellings, Vietnamese words a translation must hold) for checked rows."""
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[2] or cells[2] in ("checked", "---"):
            continue
        english = re.sub(r"\(.*?\)", "", cells[0])
        rows.append(([e.strip() for e in english.split(",") if e.strip()], cells[2].lower()))
    return rows


def test_the_glossary_has_the_terms_the_issue_names():
    checked = {words for _, words in _glossary()}
    for term in ("tốc độ học", "mất mát", "độ chính xác", "ma trận nhầm lẫn"):
        assert term in checked


def test_translations_use_the_glossary_terms():
    wrong = []
    for m in translations.read_ts(ts_path("vi")):
        if not m.translation:
            continue
        for spellings, words in _glossary():
            pattern = "|".join(re.escape(s) for s in spellings)
            words_only = translations.PLACEHOLDER.sub(" ", m.source)  # not {channel}'s channel
            # a menu's Alt key "&" may sit inside the term ("Mở mô &hình...")
            if re.search(rf"\b(?:{pattern})(?:s|es)?\b", words_only, re.IGNORECASE) and (
                words not in m.translation.replace("&", "").lower()
            ):
                wrong.append(f"{m.describe()} -> {m.translation!r} lacks {words!r}")
    assert not wrong, "docs/glossary-vi.md's terms are not followed:" + _listing(wrong, "vi")


def test_lượt_is_a_run_never_an_epoch():
    """walk54b: the Epochs field said "5 lượt" and the Race "Cuộc đua đã dừng sau 5/10 lượt",
    which reads "after 5 of 10 runs": "lượt" is the word of "lượt chạy" (run), the glossary's
    epoch is "epoch". "lần lượt" (in turn) is another word."""
    wrong = [
        f"{m.describe()} -> {m.translation!r}"
        for m in translations.read_ts(ts_path("vi"))
        if re.search(r"(?<!lần )lượt", m.translation)
        and not re.search(r"\brun", m.source, re.IGNORECASE)
        and m.context != "RunsView"  # "… and {n} more" under a list of runs
    ]
    assert not wrong, "\n".join(wrong)


def test_a_run_is_a_lượt_chạy_never_a_lần_chạy():
    """walk63: ten messages said "lần chạy" (a time it ran) where the glossary and 93 others
    say "lượt chạy" for a run; a student read two words for one thing."""
    wrong = [
        f"{m.describe()} -> {m.translation!r}"
        for m in translations.read_ts(ts_path("vi"))
        if re.search(r"\blần chạy", m.translation, re.IGNORECASE)
    ]
    assert not wrong, "a run is a “lượt chạy” (docs/glossary-vi.md):\n" + "\n".join(wrong)


@pytest.mark.parametrize("code", [c for c in CODES if c == "vi"])
def test_translations_quote_one_way(code):
    """The walk found one message quoting with «», beside the “” of every other: one style."""
    wrong = [
        f"{m.describe()}: {m.translation!r}"
        for m in translations.read_ts(ts_path(code))
        if "«" in m.translation or "»" in m.translation
    ]
    assert not wrong, "quote with “ ” as the other messages do:" + _listing(wrong, code)


@pytest.mark.parametrize("code", CODES)
def test_no_message_shows_markdown_backticks(code):
    """The window's labels are not Markdown: the robustness note showed "`nndesk evaluate
    --robustness`" with its backticks, in both languages."""
    wrong = [
        m.describe()
        for m in translations.read_ts(ts_path(code))
        if "`" in m.source or "`" in m.translation
    ]
    assert not wrong, "name a command in “ ”, not in backticks:" + _listing(wrong, code)


@pytest.mark.parametrize("code", [c for c in CODES if c in COMMA_DECIMALS])
def test_an_interval_is_never_split_across_lines(code):
    """The Vietnamese preset note broke "[-1; 1]" into "[-1;" and "1]" at 1024 px: the space
    after an interval's semicolon is a no-break space."""
    wrong = [
        f"{m.describe()}: {m.translation!r}"
        for m in translations.read_ts(ts_path(code))
        if re.search(r"\[[^\]]*; [^\]]*\]", m.translation)
    ]
    assert not wrong, "join an interval with a no-break space ([0;\u00a01]):" + _listing(
        wrong, code
    )


def _first_meetings() -> list[tuple[str, str, str]]:
    """(context, English source, full form) rows of the glossary's first-meeting table."""
    text = GLOSSARY.read_text(encoding="utf-8")
    table = text.split("## Where a learner first meets a term", 1)[1].split("\n\n")[2]
    rows = []
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        rows.append((cells[0], cells[1], cells[2]))
    return rows


def test_where_a_learner_first_meets_a_term_the_glossarys_full_form_is_shown():
    """The issue asks for "Tốc độ học (learning rate)" where courses keep the English; the
    form labels read "Tốc độ học" alone, and the issue's four examples appeared nowhere."""
    rows = _first_meetings()
    glossary = {re.sub(r"\(.*?\)", "", en).strip(): vi.lower() for en, vi in _glossary_rows()}
    messages = {(m.context, m.source): m.translation for m in translations.read_ts(ts_path("vi"))}
    wrong = []
    for context, source, form in rows:
        vietnamese, english = re.fullmatch(r"(.+) \((.+)\)", form).groups()
        assert vietnamese.lower() in glossary.get(english, ""), f"{form!r}: not the glossary's"
        translation = messages.get((context, source))
        if translation is None:
            wrong.append(f"{context!r}: {source!r} is not a string of the window")
        elif form.lower() not in translation.lower():
            wrong.append(f"{context!r}: {source!r} -> {translation!r} lacks {form!r}")
    assert not wrong, "docs/glossary-vi.md's first meetings are not followed:\n  " + "\n  ".join(
        wrong
    )
    shown = {form.split(" (")[0].lower() for _, _, form in rows}
    for term in ("tốc độ học", "hàm mất mát", "độ chính xác", "ma trận nhầm lẫn"):
        assert term in shown, term  # the issue's own examples


def _glossary_rows() -> list[tuple[str, str]]:
    """(English, Tiếng Việt) of the glossary's main table."""
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").split("## Where")[0].splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in ("English", "---"):
            rows.append((cells[0], cells[1]))
    return rows


#: A size written with the letter x: "28x28", "3x3", "KxK" (never a hex number such as "0x1f")
LETTER_X_SIZE = re.compile(r"(?<![0-9A-Za-z])(?:\d+|K)x(?:\d+|K)(?![0-9A-Za-z])")


def test_the_pattern_sees_sizes_written_with_a_letter_x():
    assert LETTER_X_SIZE.search("ảnh 28x28") and LETTER_X_SIZE.search("tích chập KxK")
    assert not LETTER_X_SIZE.search("28×28, 0x1f, 784-c32-p, max")


@pytest.mark.parametrize("code", CODES)
def test_sizes_in_translations_are_written_with_a_times_sign(code):
    """The Why page's CNN note read "bộ lọc 3x3 … hình 28x28" beside "1×28×28" elsewhere."""
    wrong = [
        f"{m.describe()}: {m.translation!r}"
        for m in translations.read_ts(ts_path(code))
        if LETTER_X_SIZE.search(m.translation)
    ]
    assert not wrong, "write 28×28, not 28x28:" + _listing(wrong, code)


def test_a_kernel_is_a_nhân_chập_never_a_bare_nhân_that_reads_multiply():
    """walk59 D4: Inside's arithmetic read "mảng đầu vào × nhân = tích" and its heading
    "nhân 3×3": a student reads "× multiply", "multiply 3×3"."""
    wrong = [
        f"{m.describe()} -> {m.translation!r}"
        for m in translations.read_ts(ts_path("vi"))
        if re.search(r"\bkernels?\b", translations.PLACEHOLDER.sub(" ", m.source), re.I)
        and (re.search(r"\bnhân\b(?! chập)", m.translation) or "nhân chập" not in m.translation)
    ]
    assert not wrong, "\n".join(wrong)


def test_walk59_words_a_student_would_misread():
    """walk59 D17: "Seed ngẫu nhiên" kept the English head word; the Why page called the
    method list's Gradient "Độ dốc"; the left panel's margin said "điểm" where Why says
    "điểm phần trăm"; "softmax (một lớp)" read "softmax (one layer)"."""
    messages = {(m.context, m.source): m.translation for m in translations.read_ts(ts_path("vi"))}
    by_source = {source: t for (_, source), t in messages.items()}
    assert "Seed" not in by_source["Seed"] and "hạt giống" in by_source["Seed"].lower()
    why = [t for (context, _), t in messages.items() if context == "WhyView"]
    assert not [t for t in why if "độ dốc" in t.lower() and "gradient" not in t.lower()]
    assert "điểm phần trăm" in by_source["Runner-up: <b>{name}</b> {p} (margin {margin} points)"]
    assert "lớp" not in by_source["softmax (one class)"]


def test_walk63_words_a_vietnamese_teacher_would_stumble_on():
    """walk63 3, 3c: "thường bị nhầm thành Áo thun nhất" (most confused, said last), mnist-gd's
    "hạ gradient toàn bộ batch" ("gradient descent the whole batch") and a run title's "cả tập
    một batch": a course says "hạ gradient trên toàn bộ tập huấn luyện (full batch)"."""
    messages = list(translations.read_ts(ts_path("vi")))
    coach = [m.translation for m in messages if "most often taken for {other}" in m.source]
    assert len(coach) == 2 and all("nhầm nhất thành {other}" in t for t in coach)
    (gd,) = [m.translation for m in messages if m.source.startswith("from-scratch tutorial")]
    assert "hạ gradient trên toàn bộ tập huấn luyện (full batch)" in gd
    wrong = [
        m.describe()
        for m in messages
        if re.search("cả tập một batch|toàn bộ batch", m.translation, re.IGNORECASE)
    ]
    assert not wrong


def test_vietnamese_says_the_learning_rate_never_lr_in_a_sentence():
    """fixU #4: after Continue the line under the progress said "Mọi batch học với lr 0,003",
    and the schedule's lines "epoch 1 học với lr …": the glossary writes the rate out ("tốc độ
    học 0,001") everywhere but the Runs chart's legend and the narrow Settings cell beside it
    (their short "lr", which the hint under the chart explains), and the Runs file's own key
    names a message quotes ("[x, lr]")."""
    legend = {"lr {rate}", "In the legend, lr is the learning rate."}
    word = re.compile(r"(?<![\w{\[,])lr\b(?![\]}])")  # not a key: "{lr:g}", "[x, lr]"
    wrong = [
        f"{m.describe()} -> {m.translation!r}"
        for m in translations.read_ts(ts_path("vi"))
        if word.search(translations.PLACEHOLDER.sub(" ", m.translation)) and m.source not in legend
    ]
    assert not wrong, "“lr” in Vietnamese running text (docs/glossary-vi.md):\n" + "\n".join(wrong)


def test_tones_sit_one_way_the_new_style_huỷ_xoá_hoá():
    """walk71: the robustness Cancel said "Hủy" beside "Huỷ" on five others (and one "xóa"
    beside 22 "xoá"): one spelling, the new style the translation uses throughout."""
    old_style = re.compile(r"h[ủúùũụ]y|x[óòỏõọ]a|h[óòỏõọ]a\b|[ủúùũụ]y\b", re.IGNORECASE)
    wrong = [
        f"{m.describe()} -> {m.translation!r}"
        for m in translations.read_ts(ts_path("vi"))
        if old_style.search(m.translation)
    ]
    assert not wrong, "the tone sits on the last vowel (huỷ, xoá, hoá):\n" + "\n".join(wrong)


def test_the_run_title_test_number_and_robustness_words_say_what_they_mean():
    """walk71: "batch 32 điểm ảnh -1 đến 1" read "a batch of 32 pixels" (``run_titles`` now
    puts a comma between the labelled settings); "Ảnh số" (Test #) read "digital image";
    "Đang làm hỏng ảnh kiểm tra" (damaging the test images) is not what the user sees done."""
    said = {(m.context, m.source): m.translation for m in translations.read_ts(ts_path("vi"))}
    # "Mã ảnh" (image ID): "Ảnh kiểm tra #" and "Chỉ số ảnh" widened the drawing column at
    # Larger text (vi, 1024 px) until the Runs table's Preset column was cut
    # (test_runs_columns_in_sight), and "Ảnh #" left 1024x700 short of 11 pt
    # (test_larger_text_on_a_small_screen)
    assert "Ảnh số" not in said[("MainWindow", "Test #")]
    # fixQ's "Ảnh thứ" (the n-th image) said "Ảnh thứ 0" of the first: the window shows the
    # test set's own index, from 0 as the CLI's test_index and Python's test[i], so no word
    # of it is an ordinal (fixR)
    indices = [
        (source, text)
        for (_c, source), text in said.items()
        if source == "Test #" or re.search(r"(?i)test image #?\{(i|index)\}|\bindex\b", source)
    ]
    assert len(indices) >= 8, indices  # the spin's label, Mistakes, the Map, the canvas caption
    assert all("thứ" not in text for _s, text in indices), indices
    progress = [t for (_c, s), t in said.items() if s.startswith("Damaging test images")]
    assert progress and all("làm hỏng" not in t and "nhiễu" in t for t in progress), progress
