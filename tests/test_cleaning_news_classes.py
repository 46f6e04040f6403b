"""Classes of news page the cleaner lost on the newspaper set's dev split, each on a small hand-written page
(no third-party text)."""
from __future__ import annotations

from pipeline.cleaning import clean_document

PARAS = [
    "The harbour board voted on Monday to rebuild the old stone pier, after engineers found that the winter storms "
    "had washed away much of the rubble that holds up its seaward end and the ferry could no longer berth there.",
    "The work will take two summers and will be paid for by a grant from the coastal fund, with the rest of the "
    "money coming from the mooring fees that the board raised last year for the first time in a decade.",
    "Fishermen told the meeting that the pier was the only safe landing on that stretch of coast in an easterly "
    "gale, and that losing it would mean a long detour round the headland for every boat in the fleet.",
    "The chair of the board said the ferry would use the new pontoon in the inner harbour while the work goes on, "
    "and that the timetable for the summer would be published on the board's notice board in the spring.",
]
TEASERS = [
    ("Ferry fares to rise by five per cent from April",
     "The operator says that the higher cost of fuel and of the new crew rota leaves it with no choice this year."),
    ("Lifeboat crew called out twice in one night",
     "Volunteers brought two yachts with broken engines into the harbour after dark on the first night of the gale."),
    ("New fish market opens on the quay",
     "Traders moved into the new hall this week after two years of building work that closed half of the quay."),
    ("Seal pups counted on the outer islands",
     "Rangers who landed on the islands last week found more pups than in any year since the counts began."),
]


def test_a_list_of_other_articles_with_a_date_under_each_headline_is_not_the_article() -> None:
    """Teasers after the article, each a linked headline, a date line ('... -- Updated ...') and a summary:
    the article ends before them."""
    teasers = "".join(f"<div><a href='/t{k}'>{head}</a></div><div>March {k + 2}, 2014 -- Updated 1{k}30 GMT</div>"
                      f"<div>{summary}</div>" for k, (head, summary) in enumerate(TEASERS))
    html = ("<html><body><h1>Old stone pier to be rebuilt</h1>" + "".join(f"<p>{p}</p>" for p in PARAS)
            + f"<div>Part of complete coverage on</div><div>Harbour news</div>{teasers}</body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def test_slide_titles_over_the_articles_paragraphs_in_an_aside_are_kept() -> None:
    """A slideshow article set in an <aside>: its paragraphs are prose and stay; the slide titles over them,
    judged chrome only for the <aside> they share with those paragraphs, stay too."""
    titles = ["The seaward end", "The ferry berth", "The inner pontoon", "The new timetable"]
    slides = "".join(f"<li class='slide'><h2>{t}</h2><p>{p}</p></li>" for t, p in zip(titles, PARAS, strict=True))
    html = ("<html><body><h1>Old stone pier to be rebuilt</h1>"
            f"<aside class='slideshow'><ul>{slides}</ul></aside><footer><p>Contact the harbour board</p></footer>"
            "</body></html>")
    doc = clean_document(html, "html", ensemble=False)
    for text in (*titles, *PARAS):
        assert text in doc.body_text


def test_a_second_copy_of_the_article_on_the_same_page_is_left_out() -> None:
    """A page that prints the article twice (the next item of an endless scroll is the same story): the body
    keeps the first copy only."""
    copy = "<div class='story'><h2>Old stone pier to be rebuilt</h2>" + "".join(f"<p>{p}</p>" for p in PARAS[:2]) \
        + "<h3>The seaward end</h3>" + "".join(f"<p>{p}</p>" for p in PARAS[2:]) + "</div>"
    html = f"<html><body><h1>Old stone pier to be rebuilt</h1>{copy}{copy}</body></html>"
    doc = clean_document(html, "html", ensemble=False)
    assert all(doc.body_text.count(p) == 1 for p in [*PARAS, "The seaward end"])
    assert sum(b.reason.endswith("a second copy of a paragraph already in the article") for b in doc.blocks) == 5


def test_an_authors_bio_box_before_or_after_the_article_is_not_its_text() -> None:
    """A bio under the author's byline markup after the article's last paragraph or above its first, outside
    its text container, leaves the body; the article's own paragraphs stay."""
    bio = ("Morag Lewis covers the harbour and the islands for the paper, and has written about the fishing fleet "
           "and its boats for more than twenty years from her office above the chandlery.")
    html = ("<html><body><article><h1>Old stone pier to be rebuilt</h1><div class='byline'>By Morag Lewis</div>"
            "<div class='entry-content'>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>"
            f"<div class='author-box'><div class='byline'><a href='/m'>Morag Lewis</a><span>{bio}</span></div></div>"
            "</article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)
    html = ("<html><body><article><h1>Old stone pier to be rebuilt</h1>"
            f"<div class='author'><div>By <a href='/m'>Morag Lewis</a></div><div>{bio}</div></div>"
            "<div class='entry-content'>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</div></article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def test_a_short_sentence_of_the_text_container_between_paragraphs_is_not_a_caption() -> None:
    """A short verbless-looking sentence in a <p> of the article's text container, with no image before it, is
    the article's; the same line right under an image is a caption."""
    short = "Visit the harbour office for a full list."
    paras = "".join(f"<p>{p}</p>" for p in PARAS[:2]) + f"<p>{short}</p>" + "".join(f"<p>{p}</p>" for p in PARAS[2:])
    html = f"<html><body><h1>Old stone pier</h1><div class='entry-content'>{paras}</div></body></html>"
    doc = clean_document(html, "html", ensemble=False)
    assert short in doc.body_text
    doc = clean_document(html.replace(f"<p>{short}</p>", f"<p><img src='pier.jpg'></p><p>{short}</p>"), "html",
                         ensemble=False)
    assert short not in doc.body_text


def test_a_comments_link_in_the_share_toolbar_above_the_article_does_not_end_it() -> None:
    """A text scrape whose toolbar ('Comments', 'Print / Email') sits between the standfirst and the article:
    the 'Comments' link next to the share buttons opens no thread, and the article after it is kept."""
    standfirst = ("The harbour board has agreed a plan for the old stone pier, and the first work will begin in "
                  "the spring, when the weather is better and the ferry can use the new pontoon in the inner "
                  "harbour while the divers and the masons are at work on the seaward end.")
    text = "\n\n".join(["Home", "News", "Harbour", standfirst, "Comments", "Print / Email", *PARAS,
                        "Contact us", "Terms of use"])
    doc = clean_document(text, "text", ensemble=False)
    assert all(p in doc.body_text for p in PARAS)


def test_the_share_bar_and_add_comment_below_the_article_end_it() -> None:
    """A text scrape whose article ends in its share bar ('Share or comment on this article', 'e-mail', 'Add
    comment'), then a search box and a stream of the site's other stories, each a headline run into its summary
    with no full stop: the comment control below the article's paragraphs ends it (unlike the same links in a
    toolbar above them), so the stream is not the article."""
    stream = [f"{head}: {summary.rstrip('.')}" for head, summary in TEASERS * 2]
    text = "\n\n".join(["Home", "News", "Harbour", "Old stone pier to be rebuilt", *PARAS,
                        "Share or comment on this article: Old stone pier to be rebuilt", "e-mail", "Add comment",
                        "Site", "Web", "Enter search term:", "Harbour news", *stream, "Back to top", "Home", "News"])
    doc = clean_document(text, "text", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def test_a_comment_thread_of_dated_wrote_headers_ends_the_article() -> None:
    """A text scrape whose article runs straight into its readers' comments, each under a header with a time
    and 'wrote:' ('On May 3, 2014, at 10:07 PM, harbourfan wrote:'): the thread is not the article."""
    comments = [("harbourfan", "I have fished from that pier for forty years and I am glad that the board has "
                               "finally found the money to put right what the storms did to it last winter."),
                ("skipper_j", "The pontoon in the inner harbour is too small for the ferry in an easterly, and "
                              "the board should have thought about that before it closed the pier to boats.")]
    thread = [line for k, (name, text) in enumerate(comments)
              for line in (f"Report this Comment On May {k + 3}, 2014, at 10:0{k} PM, {name} wrote:", text)]
    text = "\n\n".join(["Home", "News", "Old stone pier to be rebuilt", *PARAS, "Comments from our Harbour Readers",
                        *thread])
    doc = clean_document(text, "text", ensemble=False)
    assert doc.body_text.endswith(PARAS[-1])
    assert not any(text in doc.body_text for _, text in comments)


def test_fact_lines_right_above_the_first_paragraph_open_the_article() -> None:
    """'Label: value' paragraphs of the article's text container right above its first paragraph (a profile's
    name and place) are its opening; a byline of that shape is not."""
    facts = ["Name: Morag and Ewan", "Location: Harbour Street — Stromness, Orkney"]
    html = ("<html><body><article><h1>A house by the old stone pier</h1><div class='entry-content'>"
            "<p>By: Jo Bloggs</p>" + "".join(f"<p>{p}</p>" for p in facts + PARAS) + "</div></article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(facts + PARAS)


def _line_per_block(*lines: str) -> str:
    """A text scrape as a scraper that writes one line per block saves it: no blank lines anywhere."""
    return "\n".join(lines) + "\n"


def test_a_stream_of_teaser_cards_after_the_article_in_a_line_per_block_scrape_is_not_the_article() -> None:
    """Each card a label (its source), a headline and a summary standing alone: the article ends at its own
    paragraphs, however much prose the cards hold."""
    cards = [line for head, summary in TEASERS for line in ("Harbour Gazette", head, summary)]
    text = _line_per_block("Old stone pier to be rebuilt", *PARAS, "Latest", *cards)
    doc = clean_document(text, "text")
    assert doc.body_text == "\n\n".join(PARAS)


def test_headed_paragraphs_of_a_listicle_in_a_line_per_block_scrape_stay_in_the_article() -> None:
    """The same shape without a label repeated on every card: an article of headed paragraphs, kept whole."""
    headed = [line for head, summary in TEASERS for line in (head, summary)]
    text = _line_per_block("Four things to know about the harbour this spring", *PARAS[:2], *headed)
    body = clean_document(text, "text").body_text
    assert all(line in body for line in headed)


def test_a_sign_up_box_after_the_article_leaves_no_blurb_in_the_body() -> None:
    """A newsletter box closing the article's column: its prompt, a one-line blurb, a field label, a captcha
    notice and small print. The blurb is a sentence, but the box's, not the article's."""
    box = ("<div><h3>Sign up for the Harbour Weekly newsletter</h3>"
           "<p>Daily news about the boats, the quay and the people who work on them.</p><label>Email</label>"
           "<p>This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.</p>"
           "<p>By submitting your email, you agree to our Terms and Privacy Notice.</p></div>")
    html = ("<html><body><article><h1>Old stone pier to be rebuilt</h1>" + "".join(f"<p>{p}</p>" for p in PARAS)
            + box + "</article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


ITEMS = [
    ("1. Check the mooring lines before the tide turns",
     "The harbour master said that most of the damage in last winter's storms was done to boats whose lines had "
     "been left slack, and that a few minutes on the quay before high water would have saved them."),
    ("2. Keep the fenders out even in the inner harbour",
     "Boats moored in the inner harbour still move about in a strong easterly, and the fenders are all that "
     "stands between a hull and the stone of the quay wall when the swell comes round the breakwater."),
    ("3. Tell the harbour office when you leave",
     "The office keeps a list of every boat that is out, so that the lifeboat crew know whom to look for if the "
     "weather closes in before the fleet is home, and it asks every skipper to call in on the radio."),
    ("4. Carry a second anchor",
     "An engine that fails off the headland leaves a boat at the mercy of the tide, and a second anchor has kept "
     "more than one crew off the rocks there while they waited for a tow back into the harbour."),
]


def test_a_listicle_paused_by_a_read_more_box_and_a_gallery_resumes_at_its_next_item() -> None:
    """A numbered list article in a text scrape, paused twice: by a 'Read more' label over other articles'
    headlines, then by a captioned gallery. Each item that carries on the numbering, with prose under it,
    resumes the article; the boxes stay out."""
    box = ["Read more", "Ferry fares to rise by five per cent from April", "New fish market opens on the quay",
           "Seal pups counted on the outer islands"]
    gallery = ["Harbour life in pictures"] + [line for k in range(1, 7) for line in (
        f"{k}/6 Boats at rest", f"Fishing boats lie at their moorings in the inner harbour on a calm morning {k}.",
        "HARBOUR PHOTOS")]
    lines = ["Seven rules for a safe winter on the water", "By a staff reporter", *PARAS[:2],
             *(x for item in ITEMS[:2] for x in item), *box, *ITEMS[2], *gallery, *ITEMS[3],
             "Most read", "Lifeboat crew called out twice in one night", "Comments", "I moor there every winter."]
    doc = clean_document("\n".join(lines), "text", ensemble=False)
    body = doc.body_text
    for text in (*PARAS[:2], *(x for item in ITEMS for x in item)):
        assert text in body, text
    for text in (*box[1:], *gallery[1:], "Lifeboat crew called out twice in one night"):
        assert text not in body, text


def test_a_stream_of_dated_teaser_cards_after_the_article_in_a_text_scrape_is_not_the_article() -> None:
    """A text scrape, one line per block: after the article, other articles' cards, each a headline, its own
    date line ('March 3, 2014 -- Updated 1130 GMT') and a one-sentence summary. No two date lines are the same,
    but each is a card's label all the same: the article ends before the stream."""
    cards = [line for k, (head, summary) in enumerate(TEASERS)
             for line in (head, f"March {k + 2}, 2014 -- Updated 1{k}30 GMT (0{k}30 HKT)", summary)]
    lines = ["Old stone pier to be rebuilt", *PARAS, "Part of complete coverage on", "Harbour news", *cards]
    doc = clean_document("\n".join(lines), "text", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def test_a_bio_of_the_bylines_author_closing_the_article_leaves_the_body() -> None:
    """The article closes with a bio of its author ('Jo Bloggs is a reporter ...'), named in the byline: about
    the author, not the article. A closing sentence about someone else in the story stays."""
    bio = "Jo Bloggs is a reporter covering the harbour and the coast. Follow her on Twitter."
    other = "Ann Marr is a harbour pilot who has brought ships into the port for thirty years."
    for closing, kept in ((bio, False), (other, True)):
        html = ("<html><body><article><h1>Old stone pier to be rebuilt</h1><p class='byline'>By Jo Bloggs</p>"
                + "".join(f"<p>{p}</p>" for p in PARAS) + f"<p>{closing}</p></article></body></html>")
        for fmt, doc in (("html", html), ("text", "\n\n".join(["Old stone pier to be rebuilt", "By Jo Bloggs",
                                                                  *PARAS, closing]))):
            cleaned = clean_document(doc, fmt, ensemble=False)
            assert cleaned.author == "Jo Bloggs"
            assert (closing in cleaned.body_text) is kept, (fmt, closing)
            assert all(p in cleaned.body_text for p in PARAS)


def test_short_opening_sentences_between_the_headline_and_the_text_of_a_text_scrape_open_the_article() -> None:
    """A text scrape whose article opens with two one-line sentences, an ad label between them and its first
    long paragraph: they are the article's; the credited caption above them and the byline are not."""
    opening = ['Storms - "the worst in living memory."', "The harbour master has said that more than once."]
    lines = ["Harbour news", "Sport", "Weather", "Old stone pier to be rebuilt", "By Jo Bloggs", "Harbour Weekly",
             "Dec 13, 2016 at 3:45 pm",
             "Fishing boats at their moorings in the inner harbour on Monday. (Jo Bloggs / Harbour Photos)",
             *opening, "Advertisement", *PARAS]
    doc = clean_document("\n".join(lines), "text", ensemble=False)
    assert doc.body_text == "\n\n".join([*opening, *PARAS])


def test_a_table_the_article_announces_set_out_a_cell_per_line_stays_and_the_article_resumes_after_it() -> None:
    """A text scrape of an article with a table (one cell per line: a ferry, its sailings, a date) announced by
    a line ending in ':', with more of the article after it under a subheading: the cells and the rest stay."""
    cells = ["Ferry", "Sailings", "Date", "Island Queen", "42", "March 2014", "Harbour Star", "38", "April 2014",
             "Sea Holly", "12", "May 2014"]
    lead = "The harbour office counted the sailings of each ferry over the spring, and the figures tell the story:"
    after = ["The office said the figures would be published every quarter from now on.", "The winter timetable",
             PARAS[3]]
    lines = ["Old stone pier to be rebuilt", *PARAS[:3], lead, *cells, PARAS[1].replace("work", "repair"),
             *after, "Most read", "Lifeboat crew called out twice in one night"]
    doc = clean_document("\n".join(lines), "text", ensemble=False)
    for text in (*PARAS, lead, *cells, *after):
        assert text in doc.body_text.split("\n\n"), text
    assert "Lifeboat crew called out twice in one night" not in doc.body_text


def test_a_list_closing_the_article_announced_by_its_last_paragraph_stays() -> None:
    """A text scrape whose last paragraph announces a list ('... the board's advice comes down to this:'), an
    item per line, with the author and the date after it: the items are the article's; a line ending in ':'
    over headlines each with a summary (teasers) announces no list."""
    lead = "The harbour master has said it many times, and the board's advice to skippers comes down to this:"
    items = ["Check the mooring lines before the tide turns", "Keep the fenders out in the inner harbour",
             "Tell the harbour office when you leave", "Carry a second anchor past the headland"]
    lines = ["Old stone pier to be rebuilt", *PARAS, lead, *items, "Author: Jo Bloggs", "Published: 3 March 2014",
             "Twitter", "Facebook"]
    doc = clean_document("\n".join(lines), "text", ensemble=False)
    assert doc.body_text == "\n\n".join([*PARAS, lead, *items])
    teasers = [line for head, summary in TEASERS for line in (head, summary)]
    lines = ["Old stone pier to be rebuilt", *PARAS, "More from the harbour this week, for readers who like it:",
             *teasers, "Twitter", "Facebook"]
    doc = clean_document("\n".join(lines), "text", ensemble=False)
    assert not any("list the article announces" in b.reason for b in doc.blocks)


def test_chrome_lines_are_not_joined_as_one_sentence_broken_across_lines() -> None:
    """A text scrape joins a line that ends no sentence to a next line that goes on in small letters (a sentence
    broken across lines), but not when either is chrome on its own: the author's contact links and the date line
    under them stay two lines, each with its own role, and out of the body."""
    lines = ["Old stone pier to be rebuilt", "By Jo Bloggs", "Email the author | Follow on Twitter",
             "on December 29, 2014 at 3:02 PM, updated December 29, 2014 at 4:16 PM", *PARAS]
    doc = clean_document("\n".join(lines), "text", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)
    roles = {b.text: b.role for b in doc.blocks}
    assert roles["Email the author | Follow on Twitter"] == "navigation"
    assert roles[lines[3]] == "dateline"


def test_a_chart_drawn_in_text_inside_the_article_is_no_part_of_its_body() -> None:
    """An interactive graphic (ai2html and the like draw a chart as positioned text: a lead-in sentence, axis
    labels, figures) between the article's paragraphs: its words are the chart's, out of the body like a figure's."""
    labels = "".join(f"<div class='g-label'><p>{x}</p></div>" for x in ("£915", "million", "’17", "’18", "’19",
                                                                        "Mooring fees"))
    chart = ("<section class='interactive-embedded custom-graphic-container'><header><p class='interactive-leadin'>"
             "Mooring fees have risen faster than the cost of repairs to the pier over the last three years, the "
             "board's accounts show.</p></header><div class='ai2html'><div class='g-artboard'>"
             f"{labels}</div></div></section>")
    html = (f"<html><body><article><h1>Old stone pier to be rebuilt</h1><p>{PARAS[0]}</p><p>{PARAS[1]}</p>{chart}"
            f"<p>{PARAS[2]}</p><p>{PARAS[3]}</p></article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def test_dated_teaser_cards_after_the_article_end_it_though_one_cards_summary_is_a_short_quote() -> None:
    """A text scrape, one line per block: after the article, a 'Read more:' link and other articles' cards, each
    its section, its age ('21 hours ago'), its headline and a summary; one card's summary is a short quote, not
    prose. The cards are still a stream (a card in it may lack a prose summary): the article ends before them."""
    cards = [line for k, (head, summary) in enumerate(TEASERS[1:])
             for line in ("Business", f"{k + 20} hours ago", head, summary)]
    cards[3] = "'Nothing like it since the great storm'"
    lines = ["Old stone pier to be rebuilt", *PARAS, "READ MORE:", TEASERS[0][0], TEASERS[0][1], *cards]
    doc = clean_document("\n".join(lines), "text", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def test_the_article_resumes_after_a_more_trending_box_with_short_closing_paragraphs() -> None:
    """A 'More Trending' box of other articles' headlines inside the article of a text scrape: the box leaves
    the body, and the article's closing paragraphs after it stay, though only one is a long paragraph (three in
    a row, one long, are the article's; a teaser's summary stands alone under its headline)."""
    closing = ["The board will meet again in the spring to choose a builder from the six firms that have asked "
               "to tender for the work, and will publish the shortlist on its website.",
               "Until then the ferry will berth at the pontoon in the inner harbour.",
               "The fishermen said they would send a letter to the council this week."]
    box = ["More Trending", *(head for head, _ in TEASERS)]
    lines = ["Old stone pier to be rebuilt", *PARAS, *box, *closing, "Comments", "I moor there every winter."]
    body = clean_document("\n".join(lines), "text", ensemble=False).body_text
    assert body == "\n\n".join([*PARAS, *closing])


def test_a_bare_topics_heading_after_the_article_ends_it_before_the_authors_box_and_latest_stories() -> None:
    """A text scrape: the article, a bare 'TOPICS' heading over its tags, the author's box (name, role, a long
    bio) and a 'Latest in <section>' list of headlines. The tags heading closes the article: the bio is prose,
    but about the author, and the headlines are other stories'."""
    bio = ("A reporter for thirty years and a sailor for longer, Jo has covered the harbour, the ferries and the "
           "fishing fleet since the days when the catch was landed on the old stone pier every morning.")
    lines = ["Old stone pier to be rebuilt", *PARAS, "TOPICS", "Harbours", "Ferries", "Jo Bloggs", "Harbour reporter",
             bio, "Latest in Harbours", *(head for head, _ in TEASERS)]
    doc = clean_document("\n".join(lines), "text", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)
    assert next(b.role for b in doc.blocks if b.text == "Latest in Harbours") == "related"


def test_a_box_the_page_marks_to_skip_and_a_clips_title_inside_the_article_leave_the_body() -> None:
    """Inside the article: a share bar's 'Email link', a clip's title ('... – video') and a newsletter box the
    page lets screen readers skip, from 'skip past newsletter promotion' to 'after newsletter promotion' (its
    name, blurb, form and privacy notice between). None of it is the article's, in a text scrape or in HTML."""
    box = ["skip past newsletter promotion", "Sign up to Harbour Weekly", "Free weekly newsletter",
           "The stories from the quay and the boats that matter most to the people who work there, every Friday.",
           "Enter your email address", "Privacy Notice: Newsletters may contain info about charities and online ads.",
           "after newsletter promotion"]
    chrome = ["Email link", "Fishing boats ride out the storm in the inner harbour – video"]
    lines = ["Old stone pier to be rebuilt", *chrome, *PARAS[:2], *box, *PARAS[2:], "Most viewed"]
    text = clean_document("\n".join(lines), "text", ensemble=False)
    assert text.body_text == "\n\n".join(PARAS)
    assert {b.role for b in text.blocks if b.text in box} == {"promo"}
    html = ("<html><body><article><h1>Old stone pier to be rebuilt</h1><div class='content'>"
            + "".join(f"<p>{x}</p>" for x in (*chrome, *PARAS[:2], *box, *PARAS[2:]))
            + "</div></article></body></html>")
    assert clean_document(html, "html", ensemble=False).body_text == "\n\n".join(PARAS)


def test_a_most_read_box_and_a_clips_player_inside_the_article_of_a_text_scrape_leave_the_body() -> None:
    """Inside the article of a text scrape: a 'Most read in <section>' box of other stories, each a kicker in
    capitals over its headline, and a clip's player ('watch now', its duration, its title and its show's name).
    The article resumes after each; none of the box or the player is the article's."""
    box = ["Most read in Harbours", "STORM WARNING", TEASERS[0][0], "BACK AT SEA", TEASERS[1][0]]
    player = ["watch now", "VIDEO2:1502:15", "How the pier was built in 1912", "Coast Watch"]
    lines = ["Old stone pier to be rebuilt", *PARAS[:2], *box, PARAS[2], *player, PARAS[3], "Topics", "Harbours"]
    doc = clean_document("\n".join(lines), "text", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def test_an_agencys_credit_in_brackets_closes_the_article_before_its_top_stories() -> None:
    """A wire story in a text scrape closes on its credits in brackets ('(Writing by ...; Editing by ...)'),
    then 'Ads by Google' and a 'Top Sports Stories' list: the credits are the story's last line, the rest not."""
    credit = "(Writing by Jo Bloggs in Harbourtown; Editing by Sam Smith)"
    lines = ["Old stone pier to be rebuilt", "Email to a friendPrinter friendly", "Font:", *PARAS, credit,
             "Ads by Google", "Top Sports Stories", *(head for head, _ in TEASERS)]
    doc = clean_document("\n".join(lines), "text", ensemble=False)
    assert doc.body_text == "\n\n".join([*PARAS, credit])
