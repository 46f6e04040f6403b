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


MORE = [
    "A spokesman for the residents' association said people in the villages felt the council had made up its mind "
    "before the review began, and that they would ask the scrutiny committee to call the decision in.",
    "The scrutiny committee meets next month, and its chair said she had already had letters from three parish "
    "councils asking for the decision to be looked at again before any of the gates are locked.",
    "The council says the two sites will still open on Saturdays and Sundays, and that residents can book a "
    "weekday slot at either of the other three sites online or by phone at no extra charge.",
]
SIGN_UP = ("<div class='cta'><div class='cta__form'><h3>The Morning Briefing</h3><form><input name='email'>"
           "<button>Sign Up</button></form></div>")


def test_the_articles_paragraphs_inside_a_sign_up_box_the_page_never_closes_are_kept() -> None:
    """A sign-up box ('cta') whose element the page never closes holds the article's next paragraphs side by side;
    trafilatura keeps them, so the ensemble takes them back: they are prose, and there are several."""
    html = ("<html><body><article><h1>Two waste sites to close on weekdays</h1>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + SIGN_UP + "".join(f"<p>{p}</p>" for p in MORE)
            + "</article></body></html>")
    doc = clean_document(html, "html")
    assert doc.body_text == "\n\n".join(PARAS + MORE)


def test_a_closed_sign_up_box_with_one_appeal_stays_out() -> None:
    """One prose appeal in a closed promotion's box is the box's own, not the article."""
    appeal = ("Our reporting on the council is paid for by readers like you, and every gift, however small, helps "
              "us keep a reporter at every meeting of the cabinet and of the scrutiny committee this year.")
    html = ("<html><body><article><h1>Two waste sites to close on weekdays</h1>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + f"<div class='cta'><p>{appeal}</p></div>"
            + "".join(f"<p>{p}</p>" for p in MORE) + "</article></body></html>")
    doc = clean_document(html, "html")
    assert appeal not in doc.body_text
    assert all(p in doc.body_text for p in PARAS + MORE)


def test_lines_a_strong_rule_names_are_no_holes_in_the_body_that_call_for_a_second_opinion() -> None:
    """Advert labels between the paragraphs are chrome by their own words: the body they leave is not cause to doubt
    it, so trafilatura is not asked, and a "Read more" link it would keep stays out."""
    ad = "<div class='slot'><p>Don't want to see this? Remove ads</p></div>"
    paras = [*PARAS, *MORE]
    html = ("<html><body><article><h1>Two waste sites to close on weekdays</h1>"
            + "".join(f"<p>{p}</p>{ad if k % 2 else ''}" for k, p in enumerate(paras[:5]))
            + "<p><a href='/fares'>Read more: Ferry fares to rise in April</a></p>"
            + "".join(f"<p>{p}</p>{ad}" for p in paras[5:]) + "</article></body></html>")
    doc = clean_document(html, "html")
    assert doc.body_text == "\n\n".join(paras)
    assert not any("ensemble" in b.reason for b in doc.blocks)


HEADLINE_TEASERS = [
    "Could your council tax bill rise again next year as county halls across England warn of a gap of billions in "
    "their budgets for social care - are YOU affected?",
    "Why the waste collection round in your street may change in April, and what the new rules on food waste bins "
    "mean for every household in the county",
    "Residents of the villages near the tip are asked what they think of the new opening hours in a survey that "
    "closes at the end of the month - have your say",
]


def test_other_articles_headlines_after_a_related_box_do_not_resume_the_article() -> None:
    """A text scrape: after the article, a 'More from' box and a list of other articles' long headlines, which read
    like prose but end in no full stop (or a question mark): the article ends at the box."""
    text = "\n".join(["Two waste sites to close on weekdays", *PARAS, "More from Harbour Weekly", *HEADLINE_TEASERS,
                      "Terms of use"])
    doc = clean_document(text, "text")
    assert doc.body_text == "\n\n".join(PARAS)


def test_the_article_resumes_after_a_related_box_inside_it() -> None:
    """A related box inside the article, its paragraphs going on after it (ending as statements do): kept."""
    text = "\n".join(["Two waste sites to close on weekdays", *PARAS[:2], "Related stories",
                      "Ferry fares to rise in April", "New fish market opens on the quay", *PARAS[2:], *MORE,
                      "Terms of use"])
    doc = clean_document(text, "text")
    assert doc.body_text == "\n\n".join(PARAS + MORE)


def test_the_article_resumes_past_a_box_and_adverts_that_say_it_continues_below() -> None:
    """A text scrape: a 'Trending' box and a run of adverts inside the article, one saying the article continues
    below it: the paragraphs further on are the article's, though the box and adverts outrun the usual window."""
    box = ["Trending", "Ferry fares to rise in April", "Harbour news", "New fish market opens on the quay",
           "Harbour news", "Lifeboat crew called out twice in one night", "Coast", "Advertisement 1",
           "Story continues below", "This advertisement has not loaded yet, but your article continues below.",
           "Seal pups counted on the outer islands", "Coast", "Pier repairs to start in May", "Harbour news",
           "Advertisement 2", "Advertisement",
           "This advertisement has not loaded yet, but your article continues below."]
    text = "\n".join(["Two waste sites to close on weekdays", *PARAS, *box, *MORE, "Terms of use"])
    doc = clean_document(text, "text")
    assert doc.body_text == "\n\n".join(PARAS + MORE)


def test_a_menu_a_text_scrape_ran_into_long_lines_is_not_the_article() -> None:
    """A text scrape whose programme menu came out as long lines of capitalised names with no sentence end ('Depth
    Of Field', 'Notes From The Coast': stop words enough to pass for prose): chrome, not the article's start."""
    menu = ["Our Region Council Watch Town And Country The Week In Review State Of The Roads Weekend Walks "
            "Notes From The Coast Sport Football Now Cricket Rugby",
            "Special coverage Climate Depth Of Field Discover The Dales From The Archive Here We Grow The Kitchen "
            "Table Green Shoots Meet The Makers Our Towns The Big Clean Up"]
    text = "\n\n".join(["Home", "News", *menu, "All Programmes", "Two waste sites to close on weekdays", *PARAS,
                        "Contact us", "Terms of use"])
    doc = clean_document(text, "text", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def test_a_stream_of_headlines_over_their_section_and_age_above_the_article_is_not_its_start() -> None:
    """A text scrape whose 'Most read' stream sits right above the article: other stories' headlines (some long
    enough to pass for prose), each over a 'Section / 5 h ago' line; the article starts after the stream."""
    stream = ["‘We were told nothing at all’: the villagers say that they heard about the quarry plan from a "
              "leaflet in the pub", "Is the bus station going to get the new roof that it was promised after all "
              "of the years of leaks?", "Swimming pool reopens after a summer of repairs to its roof and to all of "
              "its changing rooms", "What do the cuts to the hours of the four libraries mean for you and for the "
              "rest of your family?", "Cricket club wins the county cup for the first time in twenty years"]
    ages = ["County / 5 h ago", "Town / 7 h ago", "County / 6 h ago", "County / 10 h ago", "Sport / 2 h ago"]
    cards = [line for pair in zip(stream, ages, strict=True) for line in pair]
    text = "\n\n".join(["Home", "News", "Most Read", *cards, "Two waste sites to close on weekdays", "By A. Reporter",
                        *PARAS, "Contact us"])
    doc = clean_document(text, "text", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def test_a_how_tos_steps_between_step_numbers_are_not_a_stream_of_headlines() -> None:
    """Steps written without full stops, each followed by the next 'Step N' line: numbering, not card labels, so
    the steps stay in the body."""
    steps = ["Cut the foam so that it fits inside the dish with a finger's width of room to spare all the way round",
             "Dig a hole in the middle of the foam that is deep enough to take the roots of the largest of your plants",
             "Push the plants into the holes one at a time and press the foam back around each of them with a spoon",
             "Cover all of the foam with the moss and pin it down at the edges so that none of the foam shows"]
    lines = [line for k, step in enumerate(steps) for line in (f"Step {k + 1}", step)]
    text = "\n\n".join(["Home", "Crafts", "How to plant a terrarium", *lines, *PARAS[:2], "Contact us"])
    doc = clean_document(text, "text", ensemble=False)
    assert all(step in doc.body_text for step in steps)


def test_a_stream_of_headlines_under_a_trending_heading_inside_the_article_is_not_its_text() -> None:
    """A text scrape with a 'Trending' box between the article's paragraphs: other stories' headlines (one a
    question, long enough to pass for prose), each over its section line, then the article goes on."""
    stream = ["Why did the county leave the villages out of its consultation on the future of the waste sites?",
              "Bus station roof to be replaced after years of leaks in the waiting room",
              "Library hours cut at four branches as the county looks for savings",
              "Cricket club wins the county cup for the first time in twenty years"]
    cards = [line for pair in zip(stream, ["County", "Town", "County", "County"], strict=True) for line in pair]
    text = "\n\n".join(["Home", "Two waste sites to close on weekdays", *PARAS[:2], "Trending", *cards,
                        *PARAS[2:], "Contact us"])
    doc = clean_document(text, "text", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def test_a_line_printed_twice_in_a_row_is_kept_once() -> None:
    """A caption the page prints for its picture and again for the picture's lightbox: a text scrape shows it twice
    in a row, and the body keeps it at most once."""
    caption = "Cars queue at the gates of the household waste site on the edge of the town on a Saturday morning."
    text = "\n\n".join(["Home", "Two waste sites to close on weekdays", PARAS[0], caption, caption, *PARAS[1:],
                        "Contact us"])
    doc = clean_document(text, "text", ensemble=False)
    assert all(p in doc.body_text for p in PARAS)
    assert doc.body_text.count(caption) <= 1


def test_an_article_react_streams_in_a_hidden_segment_is_read() -> None:
    """A page rendered in parts by React sends the article in a hidden ``<div id="S:1">`` and a script that moves it
    into its placeholder at once: the text is shown, so it is read; any other hidden block stays unread."""
    article = "".join(f"<p>{p}</p>" for p in PARAS)
    html = ("<html><body><header><a href='/'>Home</a> <a href='/news'>News</a></header><main>"
            "<h1>Two waste sites to close on weekdays</h1><template id='B:1'></template><p>Loading...</p></main>"
            "<div hidden>The hidden sign-in form for the county's newsletter, never shown to a reader.</div>"
            f"<div hidden id='S:1'><article>{article}</article></div>"
            "<script>$RC('B:1','S:1')</script></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert all(p in doc.body_text for p in PARAS)
    assert "sign-in form" not in (doc.body_text or "") and all("sign-in form" not in b.text for b in doc.blocks)


DE_PARAS = [
    "Der Kreistag hat am Dienstag beschlossen, zwei der fünf Wertstoffhöfe an Werktagen zu schließen, nachdem eine "
    "Prüfung ergeben hatte, dass außerhalb des Wochenendes nur wenige Autos am Tag kommen.",
    "Die Verwaltung rechnet damit, dass die Änderung im Jahr etwa vierhunderttausend Euro spart, die meisten davon "
    "bei den Personalkosten, und dass kein Hof an einem Samstag oder Sonntag geschlossen bleibt.",
    "Die Opposition kritisierte, dass die Dörfer in der Nähe der beiden Höfe nicht gefragt worden seien, und warnte "
    "davor, dass auf den Feldwegen um die Höfe mehr Müll abgeladen werde, sobald die Tore zu sind.",
]


def test_a_short_sentence_of_another_language_between_paragraphs_is_no_caption() -> None:
    """'A short sentence with no verb between paragraphs is a caption' needs English verbs: in German (or any
    other language) every sentence would look verbless, and the article's short sentences were taken out."""
    short = "Die Tore schließen um sechs Uhr."
    text = "\n\n".join(["Startseite", "Zwei Wertstoffhöfe schließen an Werktagen", DE_PARAS[0], short, *DE_PARAS[1:],
                        "Impressum"])
    doc = clean_document(text, "text", ensemble=False)
    assert short in doc.body_text and all(p in doc.body_text for p in DE_PARAS)


def test_a_short_opening_sentence_of_another_language_under_the_headline_opens_the_article() -> None:
    """A text scrape's short sentence between the headline and the first long paragraph opens the article; the
    'no verb: a caption' veto on it needs English verbs, so a German opening sentence is kept."""
    opening = "Die Tore schließen früher."
    text = "\n\n".join(["Startseite", "Zwei Wertstoffhöfe schließen an Werktagen", opening, *DE_PARAS, "Impressum"])
    doc = clean_document(text, "text", ensemble=False)
    assert doc.body_text.startswith(opening) and all(p in doc.body_text for p in DE_PARAS)


VIDEO_TITLE = "WATCH | Residents queue at the waste site on the last open weekday:"
VIDEO_CAPTION = "People who use the site on weekdays told us what they would do once the gates are locked in April."


def _video(title: str, caption: str) -> str:
    head = f"<strong><em>{title}</em></strong>" if title else ""
    return (f"<div>{head}<span class='mediaEmbed'><div class='player'><img src='v.jpg' alt=''></div>"
            f"<span class='media-caption'>{caption}</span></span></div>")


def test_a_layout_class_naming_what_sits_beside_the_article_gives_it_no_role() -> None:
    """'detailBodyContainer withSidebar', 'article-with-rail', 'has-sidebar': a class word after 'with', 'has',
    'no' or 'without' names what the element holds beside it or lacks, not what it is. The article inside such a
    wrapper is not a sidebar: its marked parts (a video's caption) keep their own roles, its paragraphs the body's."""
    html = ("<html><body><main><div class='detailBodyContainer withSidebar'><h1>Two waste sites to close on "
            f"weekdays</h1><p>{PARAS[0]}</p><p>{PARAS[1]}</p>{_video('', VIDEO_CAPTION)}"
            f"<p>{PARAS[2]}</p><p>{PARAS[3]}</p></div><aside class='sidebar'><h2>Most read</h2><ul>"
            "<li><a href='/a'>Bus lane cameras to be switched on in March</a></li>"
            "<li><a href='/b'>Library opening hours cut at four branches</a></li></ul></aside></main></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)
    roles = {b.text: b.role for b in doc.blocks}
    assert roles[VIDEO_CAPTION] == "caption"
    assert roles["Bus lane cameras to be switched on in March"] == "related"


def test_a_video_title_set_in_the_article_is_a_caption_and_article_sentences_about_videos_stay() -> None:
    """'WATCH | ...:', 'Listen: ...', 'VIDEO: ...' over a clip embedded between paragraphs is the clip's title, not a
    paragraph of the article; sentences that only begin with such a word are the article's."""
    sentences = ["Video footage shared by residents showed queues stretching back to the main road on Saturday.",
                 "Watchdog groups said the council should publish the review in full before the gates are locked."]
    html = (f"<html><body><article><h1>Two waste sites to close on weekdays</h1><p>{PARAS[0]}</p>"
            f"<p>{sentences[0]}</p>{_video(VIDEO_TITLE, VIDEO_CAPTION)}<p>{PARAS[1]}</p>"
            f"<p>Listen: the cabinet member on local radio</p><p>{sentences[1]}</p><p>{PARAS[2]}</p></article>"
            "</body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join([PARAS[0], sentences[0], PARAS[1], sentences[1], PARAS[2]])
    roles = {b.text: b.role for b in doc.blocks}
    assert roles[VIDEO_TITLE] == roles["Listen: the cabinet member on local radio"] == "caption"


def test_a_screen_readers_label_and_numbered_advert_slots_between_paragraphs_are_not_the_article() -> None:
    """A chain of newspapers labels each stretch of its article 'Article content' for screen readers and numbers
    its advert slots: a text scrape prints the label between every two paragraphs. Neither is the article's, and a
    sentence that only begins with the words stays."""
    sentence = "Article content on the council's website will be updated once the decision is confirmed."
    lines = ["Home", "News", "Two waste sites to close on weekdays", "Article content", PARAS[0], "Article content",
             "Advertisement 1", "Article content", PARAS[1], "Article content", sentence, "Advertisement 2",
             "Article content", PARAS[2], "Article content", PARAS[3], "Share this article", "Contact us"]
    doc = clean_document("\n".join(lines), "text", ensemble=False)
    assert doc.body_text == "\n\n".join([PARAS[0], PARAS[1], sentence, PARAS[2], PARAS[3]])
