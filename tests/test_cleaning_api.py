"""The cleaner's public API: roles and reasons, repetition, clean sources, hints, dates, offsets."""
from __future__ import annotations

from datetime import UTC, date, datetime

from pipeline.cleaning import ROLES, Block, block_keys, candidates_for, clean_document, repeat_bucket

NOW = datetime(2024, 1, 1, tzinfo=UTC)
PARAS = [
    "The county council has agreed to spend an extra £3m on school transport after a rise in the number of "
    "children with special educational needs travelling to schools outside their home town.",
    "Officers told the cabinet that the cost of taxis and minibuses had risen by almost a fifth in two years, "
    "and that the council had struggled to find drivers willing to take on the longer routes.",
    "The leader of the opposition group said the decision was welcome but that families had waited too long "
    "for a service that many of them described as unreliable and stressful for their children.",
]


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_roles_are_the_contract_roles() -> None:
    assert ROLES == ("title", "byline", "section", "dateline", "body", "caption", "navigation", "promo", "comment",
                     "related", "other_boilerplate")


def test_every_block_has_a_role_a_reason_and_the_right_flag() -> None:
    doc = clean_document(page("Skip to main content", "Council to spend £3m more on school transport",
                              "By Anna Lee", "Published 4 May 2021", *PARAS, "Share this article",
                              "Sign up to our newsletter for the latest council news"), "text", now=NOW)
    for b in doc.blocks:
        assert isinstance(b, Block) and b.role in ROLES
        assert b.reason.startswith(b.role + ": ") and len(b.reason) > len(b.role) + 5
        assert b.is_boilerplate == (b.role not in ("title", "byline", "section", "dateline", "body"))
    roles = [b.role for b in doc.blocks]
    assert roles == ["navigation", "title", "byline", "dateline", "body", "body", "body", "navigation", "promo"]
    assert doc.blocks[0].reason == "navigation: skip link"
    assert doc.author == "Anna Lee" and doc.published_date == date(2021, 5, 4)


def test_body_offsets_point_into_body_text() -> None:
    doc = clean_document(page("Menu", *PARAS, "© Example News 2021"), "text", now=NOW)
    assert doc.body_text == "\n\n".join(PARAS)
    for b in doc.blocks:
        if b.role == "body":
            assert doc.body_text[b.char_start:b.char_end] == b.text
        else:
            assert b.char_start is None and b.char_end is None
    assert doc.word_count == len(doc.body_text.split())


def test_block_text_is_stripped_but_otherwise_as_written() -> None:
    text = "  “Quoted” text — with ‘curly’ quotes and a  double space, as written by the council’s officers.  "
    doc = clean_document(page(text, *PARAS), "text", now=NOW)
    assert doc.blocks[0].text == text.strip()


def test_caption_role_for_image_credits() -> None:
    doc = clean_document(page(PARAS[0], "The new school bus depot in Ashford. Photo: Kent Council", *PARAS[1:]),
                         "text", now=NOW)
    caption = doc.blocks[1]
    assert caption.role == "caption" and "image credit" in caption.reason
    assert "Photo" not in doc.body_text


def test_other_boilerplate_for_security_prompts() -> None:
    doc = clean_document(page(*PARAS, "Enable Two-Factor Authentication", "Setup now"), "text", now=NOW)
    assert [b.role for b in doc.blocks[-2:]] == ["other_boilerplate", "other_boilerplate"]


def test_repeated_lines_are_template_with_a_reason() -> None:
    chrome = "Northshire Gazette – your local news since 1853"
    text = page(chrome, *PARAS)
    keys = block_keys(text, "text")
    assert len(keys) == 4 and all(len(k) == 12 for k in keys)
    repeated = {keys[0]: repeat_bucket(14)}
    doc = clean_document(text, "text", repeated=repeated, now=NOW)
    assert doc.blocks[0].is_boilerplate
    assert doc.blocks[0].reason.endswith("repeats on 5+ pages of this source")
    assert doc.body_text == "\n\n".join(PARAS)


def test_block_keys_ignore_case_spacing_and_digits() -> None:
    a = block_keys("Posted on 12/05/2021\n\nRead  more", "text")
    b = block_keys("posted on 3/6/2020\nREAD MORE!", "text")
    assert a == b


def test_repeat_bucket_floors() -> None:
    assert [repeat_bucket(n) for n in (0, 1, 2, 3, 4, 5, 9, 10, 100, 250)] == [0, 0, 0, 3, 3, 5, 5, 5, 5, 5]


def test_clean_source_keeps_every_block_as_body() -> None:
    text = "Menu\n\nSkip to content\n\n" + "\n".join(PARAS) + "\n\nShare this page"
    doc = clean_document(text, "text", clean=False, now=NOW)
    assert {b.role for b in doc.blocks} == {"body"}
    assert {b.reason for b in doc.blocks} == {"source declares clean text"}  # the contract's words
    assert "".join(doc.body_text.split()) == "".join(text.split())
    assert not any(b.is_boilerplate for b in doc.blocks)


def test_hints_win_over_the_page() -> None:
    doc = clean_document(page("A headline on the page itself", "By Someone Else", *PARAS), "text", now=NOW,
                         hints={"title": "The feed's title", "author": "Feed Author",
                                "published": "2020-02-03T23:30:00Z", "publisher": "Feed Publisher"},
                         publisher_default="Source Default")
    assert doc.title == "The feed's title" and doc.author == "Feed Author"
    assert doc.publisher == "Feed Publisher"
    assert doc.published_date == date(2020, 2, 3)  # 23:30 UTC is still 3 February in London in winter


def test_publisher_default_applies_when_the_page_names_none() -> None:
    doc = clean_document(page(*PARAS), "text", publisher_default="Northshire Gazette", now=NOW)
    assert doc.publisher == "Northshire Gazette"


def test_utc_time_late_in_summer_is_the_next_day_in_london() -> None:
    doc = clean_document(page(*PARAS), "text", hints={"published": "2021-07-01T23:30:00Z"}, now=NOW)
    assert doc.published_date == date(2021, 7, 2)


def test_a_date_after_ingest_is_not_the_published_date() -> None:
    doc = clean_document(page("Council budget agreed", "Published 4 May 2031", *PARAS), "text", now=NOW)
    assert doc.published_date is None


def test_empty_and_whitespace_documents() -> None:
    for text in ("", "\n\n  \n"):
        doc = clean_document(text, "text", now=NOW)
        assert doc.blocks == [] and doc.body_text is None and doc.word_count == 0 and doc.language is None
    doc = clean_document("<html><body></body></html>", "html", now=NOW)
    assert doc.body_text is None and doc.title is None


def test_short_body_gets_no_language_guess() -> None:
    doc = clean_document("Thanks for reading.", "text", clean=False, now=NOW)
    assert doc.body_text == "Thanks for reading." and doc.language is None


def test_welsh_page_is_welsh() -> None:
    paras = ["Mae’r cyngor wedi cytuno i wario tair miliwn o bunnoedd ychwanegol ar gludiant i ysgolion ar ôl "
             "cynnydd yn nifer y plant sydd angen teithio i ysgolion y tu allan i’w tref.",
             "Dywedodd swyddogion wrth y cabinet fod cost tacsis a bysiau mini wedi codi bron i un rhan o bump "
             "mewn dwy flynedd, a bod y cyngor wedi cael trafferth dod o hyd i yrwyr."]
    doc = clean_document(page("Hafan", "Newyddion", *paras), "text", now=NOW)
    assert doc.language == "cy"
    assert doc.body_text == "\n\n".join(paras)


def test_html_reasons_name_the_markup() -> None:
    html = ("<html><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav><article><h1>Council budget agreed "
            "after long debate</h1>" + "".join(f"<p>{p}</p>" for p in PARAS) +
            "<figure><img src='a.jpg'><figcaption>The council chamber during the vote</figcaption></figure>"
            "</article><footer><p>Site map</p></footer></body></html>")
    doc = clean_document(html, "html", now=NOW)
    by_text = {b.text: b for b in doc.blocks}
    assert by_text["Home News"].reason == "navigation: inside <nav>"
    assert by_text["The council chamber during the vote"].role == "caption"
    assert by_text["Council budget agreed after long debate"].role == "title"
    assert doc.body_text == "\n\n".join(PARAS)


def test_json_ld_article_body_confirms_paragraphs_in_misleading_markup() -> None:
    ld = '{"@type": "NewsArticle", "headline": "Budget agreed", "articleBody": "' + " ".join(PARAS) + '"}'
    html = ("<html><head><script type='application/ld+json'>" + ld + "</script></head><body>"
            "<nav><a href='/'>Home</a></nav><h1>Budget agreed</h1><div class='sidebar-widget'>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</div></body></html>")
    doc = clean_document(html, "html", now=NOW)
    assert doc.body_text == "\n\n".join(PARAS)
    assert all("declares" in b.reason for b in doc.blocks if b.role == "body")


def test_second_extractor_rescues_a_page_without_article_markers() -> None:
    html = ("<html><body><div><div>Home</div><div>News</div></div>"
            "<div class='c'><span>The council said on Monday that it would consider the plan again next year.</span>"
            "</div><div class='c'><span>Residents have objected to the scheme since it was first proposed, citing "
            "traffic and noise.</span></div></body></html>")
    doc = clean_document(html, "html", now=NOW)
    assert doc.body_text is not None and doc.body_text.startswith("The council said on Monday")
    assert "Home" not in doc.body_text


def test_repeated_author_section_and_date_label_keep_their_roles() -> None:
    text = page("Local Government", "Councils warn over school transport costs", "Paul Dossett",
                "Published date", *PARAS)
    keys = block_keys(text, "text")
    repeated = {keys[0]: 50, keys[2]: 20, keys[3]: 100}  # section, author and date label on many pages
    doc = clean_document(text, "text", repeated=repeated, now=NOW)
    assert [b.role for b in doc.blocks[:4]] == ["section", "title", "byline", "dateline"]
    assert doc.section == "Local Government" and doc.author == "Paul Dossett"


def test_a_date_far_from_the_headline_is_not_the_documents_date() -> None:
    text = page("Home", "Latest", "12/03/2019", "Budget consultation opens", "News", "Business", "Sport",
                "Weather", "Jobs", "Events", "Contact", "Council to spend £3m more on school transport", *PARAS)
    doc = clean_document(text, "text", now=NOW)
    assert doc.title == "Council to spend £3m more on school transport"
    assert doc.published_date is None


def test_a_date_line_by_the_headline_is_the_documents_date() -> None:
    text = page("Council to spend £3m more on school transport", "12 March 2019 | By Anna Lee", *PARAS)
    doc = clean_document(text, "text", now=NOW)
    assert doc.blocks[1].role == "dateline"
    assert doc.published_date == date(2019, 3, 12)
    assert doc.author == "Anna Lee"


def test_a_one_line_document_is_its_own_body() -> None:
    doc = clean_document("Just one line of text here.", "text", now=NOW)
    assert doc.body_text == "Just one line of text here."


def test_deeply_nested_and_unclosed_markup_still_yields_the_article() -> None:
    para = PARAS[0]
    nested = "<html><body>" + "<div>" * 1500 + f"<p>{para}</p>" + "</div>" * 1500 + "</body></html>"
    assert clean_document(nested, "html", now=NOW).body_text == para
    unclosed = "<html><body>" + "<font>x " * 1500 + f"<p>{para}</p></body></html>"
    assert para in (clean_document(unclosed, "html", now=NOW).body_text or "")


def test_byline_and_date_below_the_lede_are_not_body() -> None:
    html = (f"<html><body><article><h1>Budget agreed after long debate</h1><p>{PARAS[0]}</p>"
            "<div class='byline'>By Jane Smith</div><time datetime='2021-03-04'>4 March 2021</time>"
            f"<p>{PARAS[1]}</p><p>{PARAS[2]}</p></article></body></html>")
    doc = clean_document(html, "html", now=NOW)
    assert doc.body_text == "\n\n".join(PARAS)
    assert doc.author == "Jane Smith" and doc.published_date == date(2021, 3, 4)


def test_prose_that_mentions_chrome_words_stays_in_the_body() -> None:
    prose = [
        "The newspaper lost ten thousand subscribers last year as readers moved online, the publisher said.",
        "She went on to become a member of the committee and later chaired its work on local newsletters.",
        "Banks now require customers to enable two-factor authentication before they can move large sums.",
        "The minister had no comments on the matter when asked about it by reporters on Tuesday evening.",
        "The council wants to find out more before it decides, according to Reuters.",
        "Share prices fell sharply on Monday after the company warned on profits.",
        "Register offices will close early on Friday because of staff training.",
        "Two responses were received from residents during the consultation period.",
        "Related to this, the council said it would review its parking charges next year.",
        "The picture by the end of the year is bleak for most district councils in the region.",
        "The terms and conditions of the loan were changed without telling the council's auditors.",
    ]
    doc = clean_document(page("Banks and councils", *PARAS[:2], *prose, PARAS[2]), "text", now=NOW)
    assert doc.body_text == "\n\n".join([*PARAS[:2], *prose, PARAS[2]])


def test_class_names_of_whole_page_wrappers_do_not_hide_the_article() -> None:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    html = ("<html><body class='comments-enabled'><div class='section-social-care print-friendly'>"
            "<article class='content content--type-comment tone-comment'><h1>Care needs a long-term plan</h1>"
            f"<div class='content__article-body' itemprop='articleBody'>{paras}</div></article>"
            "<div class='comments'><p>Reader: I could not agree more with every word of this piece.</p></div>"
            "</div></body></html>")
    doc = clean_document(html, "html", now=NOW)
    assert doc.body_text == "\n\n".join(PARAS)
    assert doc.title == "Care needs a long-term plan"


def test_markup_that_would_remove_most_prose_is_distrusted() -> None:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    html = (f"<html><body><div class='content--type-comment'><h1>Care needs a long-term plan</h1>{paras}</div>"
            "<footer><p>© Example News 2021</p></footer></body></html>")
    doc = clean_document(html, "html", now=NOW)
    assert doc.body_text == "\n\n".join(PARAS)
    assert {b.reason for b in doc.blocks if b.role == "body"} == {"body: prose paragraph"}  # not the fall-back


def test_a_page_wrapped_in_one_form_keeps_the_articles_short_paragraphs() -> None:
    """A page built inside one <form> (as ASP.NET pages are): the form is distrusted as a wrapper, and its short
    sentences between the article's paragraphs are judged by their words too, so they stay in; its menu, links
    and the agency's copyright line, which the form's markup had placed, stay out by their own words."""
    short = "The council said it would publish the figures."
    html = ("<html><body><form id='aspnetForm' method='post'><ul><li><a href='/'>Home</a></li>"
            "<li><a href='/news'>News</a></li><li><a href='/sport'>Sport</a></li></ul>"
            f"<h1>Care needs a long-term plan</h1><p>{PARAS[0]}</p><p>{PARAS[1]}</p><p>{short}</p><p>{PARAS[2]}</p>"
            "<p>Copyright (c) Press Association Ltd. 2021, All Rights Reserved.</p>"
            "<p><a href='/about'>About us</a> | <a href='/contact'>Contact us</a></p></form></body></html>")
    doc = clean_document(html, "html", now=NOW)
    assert doc.body_text == "\n\n".join([PARAS[0], PARAS[1], short, PARAS[2]])


def test_a_linked_logo_in_h1_is_not_the_headline() -> None:
    html = ("<html><body><h1 class='logo'><a href='/'>Northshire Gazette</a></h1><nav><a href='/'>Home</a></nav>"
            "<h2>Council to spend £3m more on school transport</h2>" + "".join(f"<p>{p}</p>" for p in PARAS)
            + "</body></html>")
    doc = clean_document(html, "html", now=NOW)
    assert doc.title == "Council to spend £3m more on school transport"


def test_html_block_text_collapses_html_whitespace_but_keeps_no_break_spaces() -> None:
    html = f"<html><body><p>&nbsp;</p><p>  Council\xa0tax:\n  {PARAS[0]}  </p><p>{PARAS[1]}</p></body></html>"
    doc = clean_document(html, "html", now=NOW)
    assert [b.text for b in doc.blocks] == [f"Council\xa0tax: {PARAS[0]}", PARAS[1]]


def test_linked_teasers_after_the_article_are_not_body() -> None:
    teasers = "".join(f"<h3><a href='/{i}'>Another council story number {i} today</a></h3><p>{p}</p>"
                      for i, p in enumerate(["Residents have been asked to comment on plans for a new leisure "
                                             "centre before the council makes its final decision in May.",
                                             "The mayor has promised to review bus fares after a petition "
                                             "signed by thousands of passengers across the county."]))
    html = ("<html><body><main><h1>Council to spend more on school transport</h1>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + teasers + "</main></body></html>")
    doc = clean_document(html, "html", now=NOW)
    assert doc.body_text == "\n\n".join(PARAS)


def test_one_linked_teaser_closing_the_page_is_not_body() -> None:
    html = ("<html><body><main><h1>Council to spend more on school transport</h1>"
            + "".join(f"<p>{p}</p>" for p in PARAS)
            + "<h3><a href='/x'>Another council story about buses</a></h3><p>The mayor has promised to review bus "
              "fares after a petition signed by thousands of passengers across the county.</p></main></body></html>")
    assert clean_document(html, "html", now=NOW).body_text == "\n\n".join(PARAS)


def test_markdown_like_dump_menus_stay_out_and_the_headline_loses_its_mark() -> None:
    text = page("* Home\n* News\n* Sport\n* Share", "# Council to spend £3m more on school transport", *PARAS,
                "* Share\n* Tweet\n* Email")
    doc = clean_document(text, "text", now=NOW)
    assert doc.body_text == "\n\n".join(PARAS)
    assert doc.title == "Council to spend £3m more on school transport"


def test_a_run_of_verbless_sentences_is_body_not_captions() -> None:
    facts = ["A new £2m fund for rural bus routes across the county.",
             "Free parking for night-shift staff at both hospitals from May.",
             "An extra ten hours a week of library opening in five towns."]
    doc = clean_document(page(PARAS[0], *facts, PARAS[1]), "text", now=NOW)
    assert doc.body_text == "\n\n".join([PARAS[0], *facts, PARAS[1]])


def test_a_verbless_line_under_an_image_is_its_caption() -> None:
    html = (f"<html><body><article><h1>Budget agreed after long debate</h1><p>{PARAS[0]}</p>"
            "<div><img src='a.jpg'><p>Councillors outside the town hall after the vote.</p></div>"
            f"<p>{PARAS[1]}</p><img src='b.jpg'><p>{PARAS[2]}</p></article></body></html>")
    doc = clean_document(html, "html", now=NOW)
    assert doc.body_text == "\n\n".join(PARAS)
    assert [b.role for b in doc.blocks if b.text.startswith("Councillors outside")] == ["caption"]


def test_a_parsed_page_is_not_parsed_again() -> None:
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></body></html>"
    parsed = candidates_for(html, "html")
    assert block_keys("", "html", parsed) == block_keys(html, "html")
    assert clean_document("<html></html>", "html", parsed=parsed, now=NOW).body_text == "\n\n".join(PARAS)
