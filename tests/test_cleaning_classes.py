"""Classes of page the cleaner once lost, each on a small hand-written page (no third-party text)."""
from __future__ import annotations

from pipeline.cleaning import clean_document

PARAS = [
    "The county council agreed on Tuesday to keep the mobile library running for another two years, after more "
    "than four thousand residents signed a petition asking it to reverse the cut it had planned in the spring.",
    "Councillors said the van, which visits thirty villages every fortnight, would now be paid for from the "
    "reserves until a new contract with a neighbouring authority can be signed and the costs shared between them.",
    "Readers in the villages told the meeting that the service was the only way many older people could borrow "
    "books, and that the driver was often the only visitor some of them saw in a week during the winter months.",
    "The leader of the council said the decision would be reviewed next year, when the figures for the first "
    "twelve months of the shared service are known and the two authorities have agreed how to split the bill.",
]


def test_article_markup_kept_in_a_template_script_of_the_text_container_is_read() -> None:
    """A blog platform that keeps a post's body in a <script type="text/template"> inside its articleBody."""
    post = "".join(f"<p>{p}</p>" for p in PARAS)
    html = ("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            "<div class='post'><h2 class='title'>Mobile library saved for two more years</h2>"
            f"<div class='post-body' itemprop='articleBody'><script type='text/template'>{post}</script></div>"
            "</div><script>var tracker = '<p>not text</p>';</script>"
            "<footer><p>Copyright 2024 Example Blog.</p></footer></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)
