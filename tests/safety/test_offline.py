"""Offline and inert: the suite cannot reach the network, and what people type cannot carry script.

Proves that (1) the ``tests.no_network`` plugin is active for the whole suite, so any test whose
code tries to connect to a public address fails; loopback and Unix sockets still work;
(2) ``render_markdown`` never lets a ``<script>``, an event attribute, a ``javascript:``/``data:``/
``vbscript:``/``file:`` link or a remote image through, whatever the note contains (hypothesis over
hostile strings); (3) ``safe_url`` only ever returns http(s)/mailto URLs with no whitespace
(a space is written %20), no control or invisible character, no ``"`` (written %22) and no
``<``, ``>``, backslash or backtick inside.
"""

from __future__ import annotations

import re
import socket
import unicodedata
import urllib.request
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.core.markdown_render import render_markdown, safe_url
from tests.no_network import NetworkBlocked, socket_guard_installed


def test_guard_is_installed_for_the_whole_suite():
    assert socket_guard_installed()


@pytest.mark.parametrize("address", [("93.184.216.34", 80), ("8.8.8.8", 53), ("2606:4700:4700::1111", 443)])
def test_connecting_to_a_public_address_fails(address):
    family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        with pytest.raises(NetworkBlocked):
            sock.connect(address)
        with pytest.raises(NetworkBlocked):
            sock.connect_ex(address)


def test_dns_and_high_level_clients_fail():
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("example.com", 443)
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("1.1.1.1", 443), timeout=1)
    with pytest.raises(Exception) as info:  # urllib wraps it in URLError, keeping the cause
        urllib.request.urlopen("http://example.com/", timeout=1)
    assert "Network access is blocked" in str(info.value)


def test_loopback_and_unix_sockets_still_work(tmp_path):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    with server, socket.create_connection(server.getsockname(), timeout=2):
        conn, _ = server.accept()
        conn.close()
    a, b = socket.socketpair()
    a.sendall(b"x")
    assert b.recv(1) == b"x"
    a.close()
    b.close()


# ------------------------------------------------------------------ inert Markdown
_HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<img src='https://evil.example/pixel.png'>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](java&#x09;script:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "[f](file:///etc/passwd)",
    '<a href="javascript:alert(1)">x</a>',
    "<a href='data:text/html,<script>alert(1)</script>'>x</a>",
    "![x](https://evil.example/track.gif)",
    "<iframe src=https://evil.example></iframe>",
    "<svg onload=alert(1)>",
    "<style>@import url(https://evil.example/x.css)</style>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<object data=x.swf></object><embed src=x>",
    "<form action=https://evil.example><button>go</button></form>",
    "<meta http-equiv=refresh content='0;url=https://evil.example'>",
    "<base href=https://evil.example/>",
    '<p style="background:url(https://evil.example/x)">x</p>',
    '<div onmouseover="alert(1)">x</div>',
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</script>",
    "`<script>` and ```\n<script>alert(1)</script>\n```",
    "[a]: javascript:alert(1)\n\n[link][a]",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
]

_DANGEROUS_TAGS = {
    "script",
    "iframe",
    "img",
    "svg",
    "style",
    "link",
    "object",
    "embed",
    "form",
    "meta",
    "base",
    "math",
    "frame",
    "frameset",
    "video",
    "audio",
    "source",
    "input",
    "button",
    "template",
}


class _Tags(HTMLParser):
    """Every element and attribute a browser would build from the HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))

    handle_startendtag = handle_starttag


def _assert_inert(html: str) -> None:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.found:
        assert tag not in _DANGEROUS_TAGS, html
        for name, value in attrs:
            assert not name.startswith("on"), html
            assert name != "style", html
            if name in {"href", "src", "action", "xlink:href", "formaction"}:
                # How a browser finds the scheme (WHATWG URL): strip C0 controls and spaces at the
                # ends, drop tabs and newlines anywhere, then an ASCII letter, [a-z0-9+.-]*, ':'.
                cleaned = re.sub(r"[\t\n\r]", "", (value or "").strip("".join(map(chr, range(0x21))))).lower()
                scheme = re.match(r"([a-z][a-z0-9+.\-]*):", cleaned)
                assert scheme is None or scheme.group(1) in {"http", "https", "mailto"}, html


@pytest.mark.parametrize("text", _HOSTILE)
def test_known_attacks_render_inert(text):
    _assert_inert(render_markdown(text))
    _assert_inert(render_markdown(f"**{text}** in a note\n\n> {text}\n\n- {text}"))


_pieces = st.sampled_from(
    _HOSTILE
    + [
        "<",
        ">",
        '"',
        "'",
        "=",
        " ",
        "\n",
        "\t",
        "\x00",
        "\u200b",
        "\u202e",
        "&#",
        "&lt;",
        "javascript:",
        "data:",
        "](",
        "[",
        ")",
        "<a href=",
        "<img src=",
        " onerror=",
        "script",
        "/",
        "`",
        "*",
        "#",
        "\\",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_pieces, st.text(max_size=8)), max_size=25).map("".join))
def test_any_note_renders_inert(text):
    _assert_inert(render_markdown(text))


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=40),
        st.builds(
            lambda pre, scheme, rest: pre + scheme + rest,
            st.sampled_from(["", " ", "\t", "\n", "\r\n", "\x00", "\x85", "\u2028", "\u200b"]),
            st.sampled_from(
                [
                    "javascript:",
                    "JAVASCRIPT:",
                    "data:",
                    "vbscript:",
                    "file:",
                    "java\tscript:",
                    "jav&#x09;ascript:",
                    "http:",
                    "https:",
                    "mailto:",
                    "ftp:",
                    "//",
                ]
            ),
            st.text(max_size=20),
        ),
    )
)
def test_safe_url_only_returns_web_or_mail_links(url):
    result = safe_url(url)
    if result is not None:
        assert re.match(r"(?i)^(https?|mailto):", result), result
        lowered = result.lower()
        assert not lowered.startswith(("javascript:", "data:", "vbscript:", "file:"))
        # Nothing that could end a link in Markdown or HTML, or hide in it.
        assert not [c for c in result if c.isspace() or unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")], result
        assert not set(result) & set('<>"\\`'), result


@pytest.mark.parametrize(
    "url",
    [
        "https://ev.example/\r\n# Injected heading\r\n[ev](javascript:alert(2))",
        "https://a.example/\nx",
        "https://a.example/\tx",
        "https://a.example/\x00x",
        "https://a.example/\x85x",
        "https://a.example/\u2028x",
        "https://a.example/\u00a0x",
        "https://a.example/\u200bx",
        "https://a.example/\u202ex",
        "mailto:a@b.example\n\nx",
    ],
)
def test_safe_url_refuses_whitespace_and_hidden_characters_inside(url):
    assert safe_url(url) is None
    assert safe_url(" \r\nhttps://a.example/x\t\n") == "https://a.example/x"  # at the ends they are only trimmed


@pytest.mark.parametrize(
    "url",
    [
        "https://x><javascript:alert(document.domain)>@[::1]/",
        "https://a.example/<b>",
        "https://a.example/a>b",
        "https://a.example/a\\b",
        "https://a.example/`code`",
        "mailto:<a@b.example>",
    ],
)
def test_safe_url_refuses_characters_never_unencoded_in_a_url(url):
    # Each could end or reshape a link in Markdown or HTML; a real address has them %-encoded.
    assert safe_url(url) is None
    assert safe_url(url + "\u00e9") is None  # the same check when the URL is not ASCII


@pytest.mark.parametrize(
    "url, link",
    [
        ("https://example.com/a b", "https://example.com/a%20b"),
        (" https://example.com/a  b?q=c d#e f ", "https://example.com/a%20%20b?q=c%20d#e%20f"),
        ("mailto:a@b.example?subject=Rates rise", "mailto:a@b.example?subject=Rates%20rise"),
        ('https://a.example/?q={"a":1}&r=" onclick="x', "https://a.example/?q={%22a%22:1}&r=%22%20onclick=%22x"),
        ("https://пример.рф/a b", "https://пример.рф/a%20b"),
        ("http://user:pa%40ss@[::1]/x", "http://user:pa%40ss@[::1]/x"),
        ("https://[2001:db8::1]:8443/a?b=c#d", "https://[2001:db8::1]:8443/a?b=c#d"),
    ],
)
def test_safe_url_writes_spaces_and_quotes_percent_encoded(url, link):
    assert safe_url(url) == link
