"""Classes of page the cleaner once lost, each on a small hand-written page (no third-party text)."""
from __future__ import annotations

import json

from pipeline.cleaning import candidates_for, clean_document
from pipeline.cleaning.candidates import Candidate, text_candidates
from pipeline.cleaning.classify import label
from pipeline.cleaning.declared import DECLARED_REASON
from pipeline.cleaning.ensemble import Decision, apply, decide, project
from pipeline.cleaning.features import features
from pipeline.cleaning.rules import vocabulary
from pipeline.cleaning.scoring import keyword_run, score_blocks
from pipeline.cleaning.wrapping import broken_sentences, paragraph_groups

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


MODAL = [
    "The training programme gives new officers a grounding in leadership, fieldcraft and military law over forty "
    "weeks, and those who complete it are commissioned at a ceremony held at the academy every summer.",
    "Applicants must hold a degree or five passes at the advanced level, and pass a medical examination and an "
    "interview board before they are offered a place on the course that begins each September.",
    "The academy has trained officers for the region's forces for more than fifty years, and its instructors "
    "include officers seconded from partner forces who teach alongside the academy's own permanent staff.",
    "Places are limited, and the board usually meets in the spring to consider the applications it has received "
    "over the previous year, before writing to every applicant with its decision by the end of May.",
    "Further details of the programme, the entry requirements and the selection process can be obtained from "
    "the academy's recruiting office, which is open on weekdays during the hours of business.",
]


def test_the_article_ends_at_the_pages_legal_footer() -> None:
    """Text after the page's copyright footer (a modal's or hidden panel's) is not the article, even when longer."""
    article = "".join(f"<p>{p}</p>" for p in PARAS)
    after = "".join(f"<p>{p}</p>" for p in MODAL)
    html = ("<html><body><article><h1>Mobile library saved for two more years</h1>"
            f"<div class='entry-content'>{article}</div></article>"
            "<div class='site-footer'><p>Contact</p><p>Copyright 2024 Example News. All Rights Reserved.</p></div>"
            f"<div class='programme'>{after}</div></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def test_a_standfirst_under_the_headline_is_part_of_the_article() -> None:
    """A subheading of lower rank right under the headline, past the byline and share buttons, is the
    article's standfirst; the headline repeated in a heading is not."""
    standfirst = "Thousands of residents signed a petition against the cut planned in the spring"
    article = "".join(f"<p>{p}</p>" for p in PARAS)
    html = ("<html><body><article><h1>Mobile library saved for two more years</h1><p class='byline'>By Ann Lee</p>"
            "<button>Share</button><button>Email</button>"
            f"<h3>{standfirst}</h3><figure><figcaption>The library van.</figcaption></figure>"
            f"<div class='entry-content'>{article}</div></article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join([standfirst, *PARAS])
    assert doc.title == "Mobile library saved for two more years"
    again = html.replace(f"<h3>{standfirst}</h3>", "<h2>Mobile library saved for two more years</h2>")
    assert clean_document(again, "html", ensemble=False).body_text == "\n\n".join(PARAS)


SLIDES = [
    "The harbour at dawn, when the first boats come back with the night's catch and the market opens for trade.",
    "Stallholders set out their fish on ice while buyers from the town's restaurants walk along the quay to look.",
    "By nine o'clock most of the catch has been sold, and the boats are washed down before the crews go home.",
    "The market's oldest trader has worked on the quay for fifty years and still opens his stall every morning.",
    "In the afternoon the quay is quiet again, and only the gulls are left to search the empty crates for scraps.",
]


def test_a_numbered_picture_gallery_inside_the_article_is_captions() -> None:
    """Slides numbered k/N with a paragraph of caption each, set in the article's text: captions, not body."""
    gallery = "".join(f"<h2>{k}/5 The quay in pictures</h2><p>{text}</p><p>PHOTO AGENCY</p>"
                      for k, text in enumerate(SLIDES, 1))
    html = ("<html><body><article><h1>Mobile library saved for two more years</h1><div class='entry-content'>"
            f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p><h2>The week in pictures</h2>{gallery}"
            f"<p>{PARAS[2]}</p><p>{PARAS[3]}</p></div></article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert all(p in doc.body_text for p in PARAS)
    assert not any(text in doc.body_text for text in SLIDES) and "/5 The quay" not in doc.body_text
    roles = {b.text: b.role for b in doc.blocks}
    assert roles[SLIDES[0]] == roles["3/5 The quay in pictures"] == "caption"


def test_a_figure_left_open_or_holding_a_table_holds_the_articles_text() -> None:
    """A <figure> the page never closes runs over the article's paragraphs, and one around a table holds the
    article's data: neither makes them captions (a caption class still does)."""
    table = ("<table><tr><th>Village</th><th>Visits a year</th></tr>"
             "<tr><td>North End and the farms along the river road</td><td>26 visits, every other Tuesday</td></tr>"
             "</table>")
    html = ("<html><body><article><h1>Mobile library saved for two more years</h1><div class='entry-content'>"
            f"<p>{PARAS[0]}</p><figure>{table}"
            + "".join(f"<p>{p}</p>" for p in PARAS[1:] + MODAL)
            + "<p>Two villages were added to the route this year, and the timetable is posted in every shop.</p>"
            + "</div></article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    for text in (*PARAS, *MODAL, "North End and the farms along the river road"):
        assert text in doc.body_text


def test_related_posts_inside_the_text_container_end_the_article() -> None:
    """A blog's related posts set in the post's own text container: a heading that is all link and of a
    headline's length, its summary, then a date and a category label; the article ends before them."""
    related = "".join(
        f"<h4><a href='/p{k}'>{title}</a></h4><p>{summary}</p><p>March {k + 3}, 2024</p><p>In \"News\"</p>"
        for k, (title, summary) in enumerate([
            ("Council confirms the mobile library timetable for the coming winter months", MODAL[0]),
            ("Petition to save the village bus route reaches five thousand signatures", MODAL[1]),
            ("County libraries to open on Sunday afternoons from the start of next year", MODAL[2]),
        ]))
    html = ("<html><body><article><h1>Mobile library saved for two more years</h1><div class='entry-content'>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + f"<h3>Related</h3>{related}</div></article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def test_text_above_a_headline_in_the_article_markup_is_not_the_article() -> None:
    """A browser notice above the page's <article>, taken into our span, leaves the body: the headline sits in
    the article markup and the notice outside it."""
    notice = ("Thank you for visiting our site. You are using a browser version with limited support for some of "
              "the features of this page, and for the best experience we recommend that you use a newer browser.")
    html = ("<html><head><title>Mobile library saved for two more years | Weekly</title></head>"
            f"<body><p>{notice}</p><p>A Weekly Journal</p><main><article>"
            "<h1>Mobile library saved for two more years</h1>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></main></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def test_a_keep_reading_box_inside_the_article_is_another_articles_link() -> None:
    """A "Keep Reading" label and the line under it (another article's blurb) inside the article's text."""
    html = ("<html><body><article><h1>Mobile library saved for two more years</h1><div class='entry-content'>"
            f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p><div>Keep Reading</div>"
            "<div><a href='/t'>The latest on rural transport</a>, from bus routes to village car clubs and more</div>"
            f"<p>{PARAS[2]}</p><p>{PARAS[3]}</p></div></article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def test_client_side_templates_and_templates_beside_the_text_are_not_read() -> None:
    """A template with placeholders ({{...}}) is code for the browser, and one next to the article's own
    paragraphs or in a box inside the text container is a widget's: none is read as the article."""
    article = "".join(f"<p>{p}</p>" for p in PARAS)
    widget = "<script type='text/html'><p>{{ author.name }} wrote {{ count }} comments on this story.</p></script>"
    aside = ("<script type='text/template'><p>Share this story with your friends and family by email, or post it "
             "to your favourite social network, and tell us what you think of it.</p></script>")
    embed = f"<div class='embed'>{aside}</div>"
    html = ("<html><body><article><h1>Mobile library saved for two more years</h1>"
            f"<div class='entry-content' itemprop='articleBody'>{widget}{article}{aside}</div></article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)
    nested = html.replace(f"{widget}{article}{aside}", f"<div class='wrap'>{article}</div>{embed}")
    assert clean_document(nested, "html", ensemble=False).body_text == "\n\n".join(PARAS)


def test_amounts_in_a_recipe_are_not_a_gallerys_slide_numbers() -> None:
    """Lines that start with fractions ("1/2 cup") repeat or fall: no gallery, the text between them stays."""
    lines = ["1/2 cup of plain flour, sifted twice", "1/2 teaspoon of baking powder", "1/4 cup of sugar",
             "1/2 cup of milk, warmed"]
    steps = "".join(f"<p>{line}</p><p>{m}</p>" for line, m in zip(lines, PARAS[1:3] * 2, strict=True))
    html = ("<html><body><article><h1>Library cake</h1><div class='entry-content'>"
            f"<p>{PARAS[0]}</p>{steps}<p>{PARAS[3]}</p></div></article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert all(p in doc.body_text for p in PARAS)
    assert not any(b.role == "caption" for b in doc.blocks)


def test_linked_subheadings_over_the_articles_paragraphs_are_kept() -> None:
    """A listicle's item names are headings that link to the thing named: inside the article, over its own
    paragraphs, they are the article's subheadings, not navigation."""
    items = ["“Harbour Lights” (£12)", "“The Long Walk Home” (£9)", "“Night Ferry” (£15)"]
    sections = "".join(f"<h3><a href='/b{k}'>{name}</a></h3><p>{p}</p>"
                       for k, (name, p) in enumerate(zip(items, PARAS[1:], strict=True)))
    html = ("<html><body><nav><a href='/'>Home</a> <a href='/books'>Books</a></nav>"
            f"<article><h1>Three books for the mobile library</h1><p>{PARAS[0]}</p>{sections}</article>"
            "</body></html>")
    doc = clean_document(html, "html", ensemble=False)
    want = [PARAS[0]] + [x for pair in zip(items, PARAS[1:], strict=True) for x in pair]
    assert doc.body_text == "\n\n".join(want)


def test_a_linked_sentence_between_paragraphs_is_the_articles() -> None:
    """A one-sentence paragraph that is all link (a quote linked to its source) between two prose paragraphs of
    the article stays in it, also outside any text-container markup."""
    quote = "<p><a href='/minutes'>The van will keep running until the new contract is signed.</a></p>"
    html = ("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><div class='main'>"
            f"<h1>Mobile library saved</h1><p>{PARAS[0]}</p><p>{PARAS[1]}</p>{quote}<p>{PARAS[2]}</p>"
            f"<p>{PARAS[3]}</p></div></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert "The van will keep running until the new contract is signed." in doc.body_text
    assert all(p in doc.body_text for p in PARAS)


def test_a_fully_linked_changelog_entry_beside_text_entries_is_kept() -> None:
    """A changelog's entries each link their ticket; one that is all link, in a list whose other entries are
    text, is the article's like its neighbours; a list whose entries are all links is another matter."""
    entries = ["<li>Maria made the timetable page load faster on older phones by caching the route maps</li>",
               "<li><a href='/t/1'>Omar fixed the crash when a stop had no name in the weekend timetable</a></li>",
               "<li>Lena added the new night bus routes to the printable timetable for the city centre</li>"]
    html = ("<html><body><article><h1>What changed this month</h1><div class='entry-content'>"
            f"<p>{PARAS[0]}</p><ul>{''.join(entries)}</ul><p>{PARAS[1]}</p></div></article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert "Omar fixed the crash when a stop had no name in the weekend timetable" in doc.body_text


def test_follow_app_and_subscription_prompts_in_the_text_container_leave_the_body() -> None:
    """Calls to action written as paragraphs of the article's own container (follow the paper, get its app,
    sign up, a subscription's small print) are promotion, not the article."""
    prompts = ["Follow the Valley Courier on Twitter and Instagram @ValleyCourier and on Facebook for news and "
               "pictures from every village in the valley.",
               "For the latest stories and breaking news updates download the Valley Courier app for phones.",
               "Want the weekly round-up of council news in the valley? Sign up here",
               "Unlimited access to every edition since 2010. Subscription will auto renew each year.",
               "New subscribers also receive a tote bag printed by the library's volunteers."]
    html = ("<html><body><article><h1>Mobile library saved</h1><div class='entry-content'>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + "".join(f"<p>{p}</p>" for p in prompts)
            + "</div></article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)
    assert {b.role for b in doc.blocks if b.text in prompts} == {"promo"}
    story = "For more than a decade, families like the Smiths have borrowed books from the van every fortnight."
    doc = clean_document(html.replace(f"<p>{PARAS[1]}</p>", f"<p>{PARAS[1]}</p><p>{story}</p>"), "html",
                         ensemble=False)
    assert story in doc.body_text


def test_short_opening_sentences_above_the_first_paragraph_open_the_article() -> None:
    """Short sentences in the article's own paragraphs right above its first long one (a picture and an ad
    between) are its opening, not menu entries; a short label in other markup above them is not."""
    opening = ["Mobile libraries - \"a lifeline.\"", "Residents have said that more than once."]
    html = ("<html><body><nav><p>Home</p><p>News</p></nav><article><h1>Mobile library saved for two more years</h1>"
            "<figure><img src='van.jpg'><figcaption>The library van in the square</figcaption></figure>"
            "<div class='entry-content'><p>Sign up now.</p>"
            + "".join(f"<p>{p}</p>" for p in opening)
            + "<div class='ad-container'><p>Advertisement</p></div>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</div></article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(opening + PARAS)


def test_a_marked_link_on_a_paragraphs_first_words_does_not_speak_for_the_paragraph() -> None:
    """A study text whose notes are tooltip links (<a class="popup">) opens a paragraph with one: the paragraph is
    the article's, not a pop-up; a block the marked link fills is still the link's."""
    head, rest = PARAS[1].split(" ", 1)
    paras = [f"<p>{PARAS[0]}</p>", f"<p><a class='popup' href='#note'>{head}</a> {rest}</p>",
             *(f"<p>{p}</p>" for p in PARAS[2:])]
    html = ("<html><body><article><h1>Mobile library saved for two more years</h1>" + "".join(paras)
            + "<p><a class='popup' href='#more'>Open every note of this text in a new window</a></p>"
            "</article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def test_a_lead_in_line_beside_the_first_paragraph_opens_the_article() -> None:
    """A line of words (no sentence) set as a paragraph right above the article's first one, in the same box, is
    the writer's lead-in (a deck or subtitle); the same line in a box of its own above the article is not."""
    lead_in = "A Field Guide for Parish Councils Planning a Mobile Library Service"
    article = "".join(f"<p>{p}</p>" for p in PARAS)
    page = ("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main>"
            "<h1>Mobile library saved for two more years</h1><p class='meta'>By Ann Example</p>{}</main>"
            "</body></html>")
    doc = clean_document(page.format(f"<div class='text'><p><b><i>{lead_in}</i></b></p>{article}</div>"), "html",
                         ensemble=False)
    assert doc.body_text == "\n\n".join([lead_in, *PARAS])
    doc = clean_document(page.format(f"<div class='strip'><p>{lead_in}</p></div><div class='text'>{article}"
                                     "</div>"), "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def test_opening_paragraphs_cut_off_by_a_contents_box_stay_in_the_article() -> None:
    """An encyclopaedia-style page: the opening paragraphs, then a long table of contents (all links), then the
    sections, all paragraphs of one element: the opening is the article's, however heavy the box between; prose
    above the page's main heading in that element (another article's summary) is not."""
    lead = ("The mobile library is a van fitted with shelves that carries books to the villages of the county, "
            "where residents can borrow and return them on the day it calls at their village hall.")
    toc = "".join(f"<li><a href='#s{k}'>{k} Section {k}</a></li>" for k in range(1, 25))
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    page = ("<html><body><div class='page'><div class='wiki-text'>{}<p>{}</p><div class='toc'><h2>Contents</h2>"
            f"<ul>{toc}</ul></div>{body}</div></div></body></html>")
    doc = clean_document(page.format("", lead), "html", ensemble=False)
    assert doc.body_text is not None and doc.body_text.startswith(lead) and doc.body_text.endswith(PARAS[-1])
    teaser = ("Another story: the swimming pool will close for three months next year while its roof is repaired "
              "and the changing rooms are rebuilt, the council said in a statement on Monday.")
    doc = clean_document(page.format(f"<p>{teaser}</p><h1>Mobile library</h1>", lead), "html", ensemble=False)
    assert doc.body_text is not None and teaser not in doc.body_text and lead in doc.body_text


def test_linked_items_under_a_line_that_announces_them_are_the_articles() -> None:
    """A weekly progress note lists the tickets still open as a sub-list of links under 'Still in progress:':
    the items are the article's; the same links under a related-stories label are not."""
    tickets = ["Ticket 4107 – Large print shelf falls over when the van turns sharply to the left",
               "Ticket 4112 – Add a second step at the back door of the van for older readers",
               "Ticket 4120 – Return slot jams when more than three books are posted together"]
    items = "".join(f"<li><a href='/t/{k}'>{t}</a></li>" for k, t in enumerate(tickets))
    page = ("<html><body><article><h1>Library van: progress this week</h1><div class='entry-content'>"
            f"<p>{PARAS[0]}</p><ul><li>{{}}<ul>{items}</ul></li></ul><p>{PARAS[1]}</p></div></article></body></html>")
    doc = clean_document(page.format("Still in progress:"), "html", ensemble=False)
    assert all(t in doc.body_text for t in tickets)
    doc = clean_document(page.format("Related:"), "html", ensemble=False)
    assert not any(t in doc.body_text for t in tickets)


def test_a_closing_paragraph_after_a_related_box_inside_the_text_stays_in_the_article() -> None:
    """A related-stories box set between the article's paragraphs outweighs the one paragraph after it; that
    paragraph is in the same element as the article's others, so the article goes on; a paragraph in a box of its
    own after the related stories is not the article's."""
    related = "".join(f"<li><a href='/s{k}'>Another headline about the county's buses and trains, number {k}</a></li>"
                      for k in range(6))
    closing = ("The library service said it would publish the new timetable for the van on its website next week, "
               "once the villages on the route have confirmed where it should stop.")
    page = ("<html><body><article><h1>Mobile library saved for two more years</h1><div class='story'>"
            + "".join(f"<p>{p}</p>" for p in PARAS)
            + f"<div class='related'><h3>Related stories</h3><ul>{related}</ul></div>{{}}</div></article>"
            "<footer><p>Copyright 2024 Example News.</p></footer></body></html>")
    doc = clean_document(page.format(f"<p>{closing}</p>"), "html", ensemble=False)
    assert doc.body_text == "\n\n".join([*PARAS, closing])
    doc = clean_document(page.format(f"<div class='box'><p>{closing}</p></div>"), "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def _broken(text: str, every: int = 6) -> list[str]:
    """A paragraph broken into lines of ``every`` words, as a mail or a hard-wrapped post sets it with <br>s."""
    words = text.split()
    return [" ".join(words[k:k + every]) for k in range(0, len(words), every)]


def test_a_sentence_broken_by_line_breaks_is_judged_as_one_paragraph() -> None:
    """A post whose paragraphs are set as short lines with <br>s (each line going on with a small letter, after a
    line that ends no sentence) is read as its paragraphs; every line keeps its own block and the body keeps them
    all. A line that starts with a capital, follows a line ending a sentence or starts a new block is not joined."""
    lines = [_broken(p.replace(", ", " ").lower()) for p in PARAS]
    post = "".join("<p>" + "<br>".join(ls) + "</p>" for ls in lines)
    html = (f"<html><body><nav><a href='/'>Home</a></nav><div class='post'><h1>The library van</h1>{post}</div>"
            "</body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(line for ls in lines for line in ls)
    cands = [Candidate(t, after_break=k > 0) for k, t in enumerate(
        ["Opening hours", "Monday to Friday", "nine till five.", "closed on Sundays"])]
    assert broken_sentences(cands) == [[0], [1, 2], [3]]
    assert broken_sentences([Candidate("the van stops at"), Candidate("the school")]) == [[0], [1]]  # two blocks


def test_a_paragraph_standfirst_under_the_headline_is_part_of_the_article() -> None:
    """A prose paragraph (not a heading) of the article's markup right under its headline, in a head box whose
    markup calls it a teaser, with only tags up to the text, is its standfirst, also when a question follows it in
    the same box; a linked one (another story's teaser) or a line of words that is no prose is not."""
    deck = "Residents signed a petition asking the council to keep the van going."
    article = "".join(f"<p>{p}</p>" for p in PARAS)
    page = ("<html><head><title>Mobile library saved for two more years</title></head><body><article>"
            "<div class='head-teaser'><h1>Mobile library saved for two more years</h1><div class='deck'>{}</div></div>"
            "<p><a href='/t/library'>library</a> | <a href='/t/council'>council</a> | <a href='/t/vans'>vans</a> | "
            "<a href='/t/villages'>villages</a> | <a href='/t/books'>books</a> | <a href='/t/petitions'>petitions</a>"
            f"</p><div class='entry-content'>{article}</div></article></body></html>")
    question = "Will the council find the money for it after that year?"
    doc = clean_document(page.format(f"<p>{deck}<br>{question}</p>"), "html", ensemble=False)
    assert doc.body_text == "\n\n".join([deck, question, *PARAS])
    doc = clean_document(page.format(f"<p><a href='/other'>{deck}</a></p>"), "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)
    doc = clean_document(page.format("<p>Library services across the county in the new year</p>"), "html",
                         ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def test_a_long_opening_paragraph_cut_off_by_boxes_is_the_articles() -> None:
    """The article's first paragraph, in its markup under the headline, then a related box, pictures with long
    captions and a video link, then the rest of its text: the paragraph opens the article however long it is (a
    standfirst is short, an opening paragraph need not be)."""
    opening = ("Libraries. Buses. Care homes. Potholes. The county's budget for next year has a lot to cover, and "
               "the council's cabinet will have less money to do it with than at any time in the last ten years, "
               "its finance officers warned on Monday as they set out the options for councillors.")
    related = "".join(f"<li><a href='/s{k}'>Other story about the county budget, number {k} of many</a></li>"
                      for k in range(6))
    caption = ("The cabinet met in the council chamber on Monday evening to hear the finance officers set out where "
               "the money would come from next year, and where it would have to be saved.")
    picture = f"<figure><img src='a.jpg'><figcaption>{caption}</figcaption></figure>"
    html = ("<html><body><article><h1>What to watch in the county budget</h1><p class='byline'>By Jo Bloggs</p>"
            f"<p>{opening}</p><aside class='related'><h3>More related to this story</h3><ul>{related}</ul></aside>"
            f"{picture}<aside><a href='/v'>Video: the budget explained in three minutes</a></aside>{picture}"
            "<div class='entry-content'>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</div></article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join([opening, *PARAS])
    deck = "Three budgets in a row have cut the same services, and this one will be no different"
    with_deck = html.replace("<p class='byline'>", f"<div class='deck'><p>{deck}</p></div><p class='byline'>")
    doc = clean_document(with_deck, "html", ensemble=False)  # a deck above it does not cut it off from the headline
    assert doc.body_text == "\n\n".join([opening, *PARAS])


REPLIES = [
    "I have used the van every fortnight for years and the driver always has a new crime novel put aside for me, "
    "so this is the best news I have heard from the council in a very long time indeed.",
    "Good to hear, but the council should also look at the opening hours of the branch in town, which have been "
    "cut twice already and now make it impossible for anyone who works to borrow a book there.",
    "My mother lives in one of the villages on the route and the van is the only library she can still reach, so "
    "thank you to everyone who signed the petition and to the councillors who listened to them.",
    "It would be good to know where the money is coming from after the two years are up, because the reserves "
    "cannot pay for everything and the same question will simply come back again before long.",
]


def test_comment_texts_between_marked_comment_lines_are_comments() -> None:
    """A thread that marks only each comment's chrome (author, date, buttons) and not its text: the unmarked
    text under each comment's marked header lines is a comment's, not an article, so the short post under the
    headline is the body. An article under a lone comment counter, before such a thread, stays the article."""
    thread = "".join(f"<div class='comment-author'><a href='/u/{k}'>reader{k}</a></div><div class='comment-date'>"
                     f"{k + 2} hours ago</div><div class='text'><p>{r}</p></div><div class='comment-actions'>"
                     "<a href='#'>Reply</a></div>" for k, r in enumerate(REPLIES))
    post = ("The council has agreed to keep the mobile library van running for another two years, after the "
            "petition. The van will keep its fortnightly route through the thirty villages, and the council will "
            "look again at the cost next spring. What do you think of the decision?")
    html = ("<html><body><nav><a href='/'>Home</a></nav><div class='thread'><h1>Library van saved</h1>"
            f"<div class='post'><p>{post}</p></div><div class='items'>{thread}</div></div></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == post
    article = "".join(f"<p>{p}</p>" for p in PARAS)
    page = ("<html><body><h1>Mobile library saved for two more years</h1><div class='comment-count'>4 comments</div>"
            f"<div class='story'>{article}</div><div class='items'>{thread}</div></body></html>")
    assert clean_document(page, "html", ensemble=False).body_text == "\n\n".join(PARAS)
    assert all(c.markup_role is None for c in candidates_for(page, "html")[0] if c.text in PARAS)


def test_paragraphs_in_a_footer_inside_the_article_are_its_text() -> None:
    """A <footer> inside the article's markup around paragraph after paragraph (a video's transcript) holds the
    article's text; one prose paragraph there (an author's note) or a page footer outside the article does not."""
    intro = "".join(f"<p>{p}</p>" for p in PARAS[:2])
    transcript = "".join(f"<p>{p}</p>" for p in [*PARAS[2:], *MODAL[:2]])
    page = ("<html><body><article><h1>Mobile library saved for two more years</h1>"
            f"<div class='story'>{intro}</div><footer><h3>Transcript</h3>{{}}</footer></article>"
            "<footer>{}<p>Copyright 2024 Example News.</p></footer></body></html>")
    doc = clean_document(page.format(transcript, ""), "html", ensemble=False)
    assert doc.body_text == "\n\n".join([*PARAS, *MODAL[:2]])
    doc = clean_document(page.format(f"<p>{MODAL[2]}</p>", ""), "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS[:2])
    doc = clean_document(page.format("", transcript), "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS[:2])


def test_the_second_articles_lines_next_to_ours_in_the_text_container_join_the_body() -> None:
    """A line that is no prose (a review's own title) at the top of the article's text container, which a second
    extractor keeps with the article: the merge takes it in with ours, as the page's container and the other
    extractor agree; the same line in a box outside the text container stays out."""
    line = "A lifeline for the villages"
    page = ("<html><body><article><h1>Mobile library saved for two more years</h1>{}"
            "<div class='entry-content'>{}" + "".join(f"<p>{p}</p>" for p in PARAS) + "</div></article></body></html>")
    for html, joined in ((page.format("", f"<p>{line}</p>"), True),
                         (page.format(f"<div class='box'><p>{line}</p></div>", ""), False)):
        cands, meta = candidates_for(html, "html")
        lab = label(cands, stopwords=vocabulary().stopwords["en"], repeated=None, fmt="html",
                    title_hint=meta.get("title"))
        assert not any(s.cand.text == line and v.role == "body" for s, v in zip(lab.scored, lab.verdicts, strict=True))
        in_second = project(lab, "\n".join([line, *PARAS]))
        verdicts = apply(lab, Decision(decide(lab, in_second)[0], in_second, "test"))
        body = [s.cand.text for s, v in zip(lab.scored, verdicts, strict=True) if v.role == "body"]
        assert body == ([line, *PARAS] if joined else PARAS)


def test_a_section_whose_id_is_made_from_its_heading_is_not_chrome() -> None:
    """Documentation tools give each section an id made from its heading ("sharing-with-a-single-developer"):
    a marker word in it ("sharing") says what the section is about, not that it is a share bar; a short
    component id ("social-share") still marks its block."""
    first, second = "".join(f"<p>{p}</p>" for p in PARAS[:2]), "".join(f"<p>{p}</p>" for p in PARAS[2:])
    html = ("<html><body><div class='body' role='main'><h1>Mobile library saved for two more years</h1>"
            f"<div class='section' id='keeping-the-van-on-the-road'>{first}</div>"
            f"<div class='section' id='sharing-with-a-neighbouring-authority'><h2>Sharing the costs</h2>{second}</div>"
            "<div id='social-share'><p>Share this page with your friends and followers on social media now.</p>"
            "</div></div></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join([*PARAS[:2], "Sharing the costs", *PARAS[2:]])
    share = next(b for b in doc.blocks if b.text.startswith("Share this page"))
    assert share.role == "navigation"


def test_links_within_the_page_are_not_link_text() -> None:
    """A heading linked back to the contents (<a href="#toc-3">) is the article's heading, not a teaser's link;
    a heading linked to another page still is."""
    html = ("<html><body><div class='document'><div class='section'><h1>Mobile library saved for two more years</h1>"
            f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p><div class='section'>"
            "<h2><a class='toc-backref' href='#contents-2'>What the readers said</a></h2>"
            f"<p>{PARAS[2]}</p><p>{PARAS[3]}</p></div></div></div>"
            "<div class='more'><h3><a href='/news/bus-station-to-close'>Bus station to close</a></h3></div>"
            "</body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join([*PARAS[:2], "What the readers said", *PARAS[2:]])


def test_a_heading_that_names_a_comment_section_but_heads_the_articles_text_does_not_end_it() -> None:
    """'Response' (an API's object, a consultation's reply) heading a part of the article, its paragraphs in the
    same element as those before it, is the article's; a 'Comments' heading over a thread in its own list ends
    the article."""
    html = ("<html><body><article><h1>Mobile library saved for two more years</h1><div class='text'>"
            f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p><h2>Response</h2><p>{PARAS[2]}</p><p>{PARAS[3]}</p>"
            "</div></article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join([*PARAS[:2], "Response", *PARAS[2:]])
    thread = ("<html><body><article><h1>Mobile library saved for two more years</h1><div class='text'>"
              f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p></div></article><h2>Comments</h2><ol class='thread'>"
              f"<li><p>{PARAS[2]}</p></li><li><p>{PARAS[3]}</p></li></ol></body></html>")
    doc = clean_document(thread, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS[:2])


BLURBS = [
    "See what your council tax pays for, and learn about the services near you.",
    "Recycling: find your collection day and what goes in each bin this month.",
    "Parking permits: apply, renew or change the details of your permit online today.",
    "Libraries: reserve a book, renew your loans and find opening times near you.",
    "School places: check the deadlines and apply for a place for your child.",
]


def test_an_article_far_below_a_menu_of_blurbs_and_a_section_heading_is_the_article() -> None:
    """A text scrape of a portal page: a menu of one-line blurbs, a 'View all' heading, a long menu, then the
    article's long paragraphs. The article is the later run, not the blurbs above the heading; teaser blurbs after
    a short article's 'Related stories' heading still end it."""
    menu = "\n".join(f"{b}\nGet started" for b in BLURBS)
    links = "\n".join(("Bins", "Parking", "Libraries", "Schools", "Roads", "Housing", "Jobs", "Planning", "Events",
                       "Leisure", "Licences", "Benefits", "Elections", "Transport", "Health", "Contact us"))
    page = f"Home\n{menu}\nView all\n{links}\nMobile library saved for two more years\n" + "\n".join(PARAS) + \
        "\nShare this article\nCopyright 2024 Example Council"
    doc = clean_document(page, "text", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)
    short = f"Mobile library saved\n{PARAS[0]}\n{PARAS[1]}\nRelated stories\n" + "\n".join(BLURBS * 3)
    doc = clean_document(short, "text", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS[:2])


def test_the_articles_own_header_at_the_top_of_its_run_is_not_its_text() -> None:
    """A text scrape whose article run starts above the article's header (a picture's caption, then the headline,
    its deck, the author and the date, all read as prose lines): the article starts after the header; the deck
    stays with it, the caption, headline, author and date do not. The article's first sentence under a place
    dateline is no byline."""
    caption = "Volunteers loading boxes of books into the mobile library van outside the village hall last week."
    headline = "Mobile library saved for two more years after petition"
    deck = "Thousands of residents asked the council to reverse the cut, and it agreed to pay from its reserves."
    lines = ["Home", "News", "Sport", caption, headline, deck, "Ann Lee", "12 March 2024", *PARAS,
             "Share this article", "Related stories"]
    doc = clean_document("\n".join(lines), "text", ensemble=False)
    assert doc.body_text == "\n\n".join([deck, *PARAS])
    assert doc.title == headline
    # without a byline or date under it, the line is no header: the run keeps its start
    plain = [line for line in lines if line not in ("Ann Lee", "12 March 2024")]
    assert caption in clean_document("\n".join(plain), "text", ensemble=False).body_text
    # the article's first sentence under its place dateline is its text, not a header line
    dated = ["Home", "News", headline, "LONDON - The county council agreed on Tuesday to keep the service.",
             *PARAS]
    assert clean_document("\n".join(dated), "text", ensemble=False).body_text.startswith("LONDON - The county")


def test_the_headline_over_the_byline_is_the_title_of_a_text_scrape() -> None:
    """A text scrape's headline is the line over the deck, byline and date that start its article, not the byline
    (garbled here, so no byline pattern knows it) though it is shaped like a headline too."""
    headline = "Mobile library saved for two more years after petition"
    deck = "Thousands of residents asked the council to reverse the cut, and it agreed to pay from its reserves."
    lines = ["Home", "News", headline, deck, "Byby ANN LEE, JOE BLOGGS and SAM SMITH", "12 March 2024, 4:19 PM",
             *PARAS, "Share this article"]
    doc = clean_document("\n".join(lines), "text", ensemble=False)
    assert doc.title == headline
    assert doc.body_text == "\n\n".join([deck, *PARAS])


def test_menus_run_into_long_lines_of_keywords_end_a_text_scrapes_article() -> None:
    """A text scrape whose menus were saved as long lines of keywords (no sentence, hardly a function word):
    each weighs against the article as much as a line of chrome, so a services blurb below them does not pull
    the article on through them; in a language whose function words are not known, no line is taken for one."""
    menus = ["Library Services Mobile Libraries Council Budgets Village Halls Reading Groups Book Clubs Local "
             "Elections Parking Permits",
             "Adult Learning Careers Advice Children's Centres Community Grants Leisure Centres Parks Allotments "
             "Recycling Centres Registrars",
             "Planning Applications Building Control Council Tax Business Rates Housing Benefit Licensing Pest "
             "Control Road Works Street Lighting"]
    blurb = ("Whether you are moving house, starting a business or planning an event, our services guide explains "
             "what the council can do for you and how to get in touch with the right team quickly.")
    lines = ["Home", "News", "Mobile library saved for two more years", "By Ann Lee", *PARAS, "Council services",
             *menus, blurb, "Contact us"]
    assert clean_document("\n".join(lines), "text", ensemble=False).body_text == "\n\n".join(PARAS)
    english = vocabulary().stopwords["en"]
    assert not keyword_run(features(PARAS[0], english), Candidate(text=PARAS[0]))
    assert [s.keyword_run for s in score_blocks([Candidate(text=menus[0])], english, None, "text")] == [True]
    assert [s.keyword_run for s in score_blocks([Candidate(text=menus[0])], None, None, "text")] == [False]


def _paywalled(shown: str, declared: list[str]) -> str:
    ld = json.dumps({"@type": "NewsArticle", "headline": "Mobile library saved", "articleBody": "\n\n".join(declared)})
    return ("<html><head><script type='application/ld+json'>" + ld + "</script></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Mobile library saved</h1>"
            f"{shown}<div class='paywall'><p>Subscribe to keep reading.</p></div></article>"
            "<footer><p>Copyright 2024 Example News.</p></footer></body></html>")


def test_a_paywalled_pages_hidden_article_is_read_from_the_text_it_declares() -> None:
    """The page shows its first paragraph; its JSON-LD articleBody holds the rest, which joins the body after it."""
    doc = clean_document(_paywalled(f"<p>{PARAS[0]}</p>", PARAS + MODAL[:1]), "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS + MODAL[:1])
    hidden = [b for b in doc.blocks if b.reason == f"body: {DECLARED_REASON}"]
    assert [b.text for b in hidden] == PARAS[1:] + MODAL[:1]


def test_a_script_rendered_article_goes_under_its_headline() -> None:
    """Nothing of the declared article shown: it is read in full, under the page's headline."""
    doc = clean_document(_paywalled("", PARAS + MODAL[:1]), "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS + MODAL[:1])
    assert doc.title == "Mobile library saved"


def test_a_page_showing_the_article_it_declares_gets_no_second_copy() -> None:
    doc = clean_document(_paywalled("".join(f"<p>{p}</p>" for p in PARAS), PARAS), "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)
    assert not any(b.reason.endswith(DECLARED_REASON) for b in doc.blocks)


def test_the_article_ends_where_the_text_it_declares_ends() -> None:
    """Prose in the article's markup after its last declared paragraph (an appeal, a box about the site) is not the
    article's; without the declaration it would be kept."""
    shown = "".join(f"<p>{p}</p>" for p in PARAS + MODAL[:2])
    html = _paywalled(shown, PARAS + MODAL[:1])
    assert clean_document(html, "html", ensemble=False).body_text == "\n\n".join(PARAS + MODAL[:1])
    undeclared = html.replace("articleBody", "abstract")
    assert clean_document(undeclared, "html", ensemble=False).body_text == "\n\n".join(PARAS + MODAL[:2])


def test_a_subheading_in_box_markup_among_the_articles_paragraphs_is_the_articles() -> None:
    """A heading whose own class says 'widget', set between the article's paragraphs in their container, is a
    subheading; the same heading in a box of its own between them is not."""
    def page(heading: str) -> str:
        return ("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
                "<h1>Mobile library saved for two more years</h1><div class='story'>"
                f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p>{heading}<p>{PARAS[2]}</p><p>{PARAS[3]}</p></div></article>"
                "<footer><p>Copyright 2024 Example News.</p></footer></body></html>")
    inline = clean_document(page("<h2 class='widget-title'>What happens next</h2>"), "html", ensemble=False)
    assert inline.body_text == "\n\n".join(PARAS[:2] + ["What happens next"] + PARAS[2:])
    boxed = clean_document(page("<div class='widget'><h2>What happens next</h2></div>"), "html", ensemble=False)
    assert boxed.body_text == "\n\n".join(PARAS)


def test_a_paragraph_broken_into_short_lines_is_one_paragraph() -> None:
    """A deck set as a poem ('Rural bus routes are / cut back again, / and villages lose ...'): every line after
    the first goes on with a small letter, so all are one paragraph, however short each line is."""
    lines = ["Rural bus routes are", "cut back again,", "and villages lose", "their only link", "to the town."]
    cands = text_candidates("Transport\n\n" + "\n".join(lines) + "\n\nThe council said on Monday.")
    assert paragraph_groups(cands) == [[0], [1, 2, 3, 4, 5], [6]]


def test_share_buttons_and_member_prompts_above_the_article_are_never_its_title() -> None:
    """UI strings between a text scrape's headline and its article (share buttons glued into one line, a
    membership prompt) are chrome, however headline-shaped."""
    text = "\n".join(["News", "Politics", "Mobile library saved for two more years",
                      "Jo Bloggs, Published 4 June 2024",
                      "Share this article via whatsappShare this article via twitterCopy link", "Become a member",
                      *PARAS])
    doc = clean_document(text, "text")
    assert doc.title == "Mobile library saved for two more years"
    assert doc.body_text == "\n\n".join(PARAS)


def test_a_caption_ending_in_its_credit_over_the_byline_is_not_the_title() -> None:
    """[headline] [a picture's caption ending in its credit] [byline]: the caption sits nearer the byline, but it
    is the picture's; the headline above it is the title."""
    for caption in ("Readers queue at the van in the village square on Tuesday. Photo by Jo Bloggs /PA",
                    "The library van on its round - Copyright Jo Bloggs/AP", "(Jo Bloggs / The County Gazette)"):
        text = "\n".join(["News", "Politics", "Mobile library saved for two more years", caption,
                          "By Sam Smith", *PARAS])
        assert clean_document(text, "text").title == "Mobile library saved for two more years", caption


def test_a_polls_options_inside_the_article_are_not_its_text() -> None:
    """A reader poll set in the article: its options are form labels (UI), even when they read as sentences."""
    options = ["It should stay as it is.", "It should visit fewer villages.", "It should be closed for good."]
    poll = ("<div class='poll'><p>What should happen to the mobile library?</p>"
            + "".join(f"<div><label><input type='radio' name='q'>{o}</label></div>" for o in options) + "</div>")
    html = ("<html><body><article><h1>Mobile library saved for two more years</h1>"
            f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p>{poll}<p>{PARAS[2]}</p><p>{PARAS[3]}</p></article></body></html>")
    body = clean_document(html, "html", ensemble=False).body_text or ""
    assert not any(o in body for o in options)
    assert all(p in body for p in PARAS)


def test_a_label_ending_in_a_colon_over_the_byline_is_not_the_title() -> None:
    """[headline] [deck] [a label: 'Author of the article:'] [byline]: the label sits nearest the byline, but a line
    ending in a colon introduces what follows; it is no headline."""
    headline = "Council gave up its offices in January. Now it cannot fit its staff back in"
    deck = "Shortly before it called staff back to the office four days a week, the council let go of two floors."
    text = "\n".join(["News", headline, deck, "Author of the article:", "By Sam Smith", "Published May 25, 2026",
                      *PARAS])
    assert clean_document(text, "text").title == headline


def test_the_headline_over_its_deck_is_the_title_not_the_deck() -> None:
    """[headline] [deck] [byline]: the deck sits nearer the byline and reads as a headline too, but it is written
    in sentences' words, the headline in headlinese (far fewer function words)."""
    headline = "County saves mobile library van after four thousand sign petition"
    deck = "The van will keep visiting the villages on its round for two more years"
    text = "\n".join(["News", headline, deck, "By Sam Smith", *PARAS])
    assert clean_document(text, "text").title == headline


def test_a_title_case_headline_is_no_name() -> None:
    """'How The Council Saved Its Mobile Library' is all capitalised words like a name, but holds function words:
    a headline in title case, the title; a byline's name ('Sam Smith') is not."""
    headline = "How The Council Saved Its Mobile Library"
    text = "\n".join(["News", headline, "Sam Smith", *PARAS])
    doc = clean_document(text, "text")
    assert (doc.title, doc.author) == (headline, "Sam Smith")
