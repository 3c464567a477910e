"""Figure and gallery captions in saved web pages stay in the article but are never offered as claims."""

import pytest

from reviewer.core.extraction import extract_claims
from reviewer.core.extraction.boilerplate import is_boilerplate
from reviewer.core.importers import read_document

PARAGRAPHS = [
    f"The regional council spent {n * 3 + 4} million euros on road repairs in district {n} last year, "
    f"the auditor said in a report published on Monday, up from {n * 2 + 1} million the year before."
    for n in range(8)
]
CAPTIONS = [
    "Clockwise from top: the old bridge at Kessel, which carried 40,000 cars a day; workers on the ring road; "
    "the council chamber during the 2023 budget vote.",
    "Photo: Workers resurfaced 12 kilometres of the northern ring road in 2023.",
    "Mayor Otto Lind opened the 30 million euro bridge in March. (Getty Images)",
    "Left to right: Finance Minister Jan Berg, who cut the roads budget by 12%, and Mayor Otto Lind.",
    "Engineers found 14 cracks in the old bridge at Kessel. Photograph: Anna Holm/Courier",
]


def _page() -> str:
    p = [f"<p>{text}</p>" for text in PARAGRAPHS]
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Road repairs cost more | Courier</title>"
        "</head><body><nav><a href='/'>Home</a></nav><article><h1>Road repairs cost more</h1>"
        + "".join(p[:2])
        # A gallery as the Guardian marks it up: the pictures, then their caption in a one-item list.
        + '<figure><img src="a.jpg" alt=""><img src="b.jpg" alt=""></figure>'
        + f"<ul><li><p>{CAPTIONS[0]}</p></li></ul>"
        + "".join(p[2:4])
        + f'<figure><img src="road.jpg" alt=""><figcaption>{CAPTIONS[1]}</figcaption></figure>'
        + "".join(p[4:6])
        + f'<figure><img src="mayor.jpg" alt=""><figcaption>{CAPTIONS[2]}</figcaption></figure>'
        + f'<figure><img src="berg.jpg" alt=""><figcaption>{CAPTIONS[3]}</figcaption></figure>'
        + "".join(p[6:7])
        + f'<figure><img src="cracks.jpg" alt=""><figcaption>{CAPTIONS[4]}</figcaption></figure>'
        + "".join(p[7:])
        + "</article><footer>Courier 2024</footer></body></html>"
    )


def test_captions_of_a_saved_page_are_not_claims(tmp_path):
    path = tmp_path / "roads.html"
    path.write_text(_page(), encoding="utf-8")
    doc = read_document(path)
    claims = extract_claims(doc.text, quality="fast")
    claimed = " ".join(c.text for c in claims)
    for caption in CAPTIONS:
        if caption in doc.text:  # kept as article text (the reader shows it) ...
            at = doc.text.index(caption)
            # ... but no claim candidate comes from it
            assert not [c for c in claims if at <= c.start < at + len(caption)], caption
    assert CAPTIONS[0] in doc.text  # the gallery caption is in the page's text, and skipped
    for paragraph in PARAGRAPHS:
        assert paragraph in claimed


@pytest.mark.parametrize(
    "line",
    [
        "Clockwise from top left: Te Kaurinui Parata, in front of the carving shed at the cultural centre.",
        "Anticlockwise from left: the harbour, the mangroves and the old wharf.",
        "From left: Jan Berg, Anna Holm and Otto Lind.",
        "Pictured: the new hospital wing, which cost 40 million euros.",
        "Main image: the flooded high street in Hebden Bridge in 2015.",
        "The delegation (l-r) Jan Berg, Anna Holm and Otto Lind.",
        "Buck Cullen with his daughter in his backyard. Photograph: Mark Tantrum/The Guardian",
        "Image caption, The minister said 40,000 homes had been built since 2019",
    ],
)
def test_caption_lines_are_boilerplate(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "From left to right, the share of renewables rose from 20% to 41% between 2010 and 2020.",
        "Above all, the government spent 3 billion on subsidies last year.",
        "Right now, inflation stands at 4.2 percent, the central bank said.",
        "Top officials said unemployment fell to 3.9% in March.",
        "The photograph showed 2,000 people outside parliament, the police said.",
    ],
)
def test_sentences_that_open_like_captions_are_not(line):
    assert not is_boilerplate(line)
