"""Classes of news page the cleaner got wrong on the dev split of fundus's parser test pages (recent pages of
large news publishers), each on a small hand-written page (no third-party text)."""
from __future__ import annotations

from pipeline.cleaning import clean_document

PARAS = [
    "The county council agreed on Tuesday to close two of its five household waste sites on weekdays from April, "
    "after a review found that fewer than a hundred cars a day used them outside the weekend.",
    "Officers told the cabinet that the change would save about four hundred thousand pounds a year, most of it in "
    "staff costs, and that no site would close on a Saturday or a Sunday under the plans.",
    "Opposition members said the council had not asked the villages near the two sites what they thought, and "
    "warned that fly-tipping on the lanes around them was likely to rise once the gates were locked.",
    "The cabinet member for the environment said the council would watch the lanes closely and would look at the "
    "decision again in a year, once it had figures for fly-tipping and for the use of the other three sites.",
]
CAPTIONS = [
    "Residents queue with garden waste at the site on the edge of the town last summer. (Jo Bloggs/Photo Agency)",
    "Council officers told the cabinet that weekday use had fallen for three years in a row. Photo by A. N. Other",
]


def _figure(caption: str) -> str:
    return f"<figure><img src='x.jpg'><figcaption>{caption}</figcaption></figure>"


def test_figcaptions_stay_captions_when_the_page_wraps_the_article_in_a_box_class() -> None:
    """A page whose whole article sits in a block marked 'sidebar' (a layout class): the wrapper is distrusted, but
    a <figcaption> says what it is whatever box holds it, so the captions stay out of the body."""
    html = ("<html><body><h1>Two waste sites to close on weekdays</h1><div class='layout-sidebar'>"
            f"<p>{PARAS[0]}</p>{_figure(CAPTIONS[0])}<p>{PARAS[1]}</p><p>{PARAS[2]}</p>{_figure(CAPTIONS[1])}"
            f"<p>{PARAS[3]}</p></div></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)
    roles = {b.text: b.role for b in doc.blocks}
    assert [roles[c] for c in CAPTIONS] == ["caption", "caption"]


def test_figcaptions_that_tell_the_story_of_a_gallery_are_its_body() -> None:
    """A gallery told in its captions (they hold most of the page's prose) keeps them as its body."""
    html = ("<html><body><h1>The waste sites in pictures</h1>" + "".join(_figure(p) for p in PARAS)
            + f"<p>{CAPTIONS[0]}</p></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    for p in PARAS:
        assert p in doc.body_text
