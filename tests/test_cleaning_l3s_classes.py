"""Classes of news page the cleaner got wrong on the dev split of L3S-GN1 (English news pages of 2008 from 408
sites, labelled block by block by assessors), each on a small hand-written page (no third-party text)."""
from __future__ import annotations

from pipeline.cleaning import clean_document

from .test_cleaning_fundus_classes import PARAS
from .test_cleaning_news_classes import TEASERS

ARTICLE = "".join(f"<p>{p}</p>" for p in PARAS)
CHROME = "<table><tr><td><a href='/'>Home</a> | <a href='/news'>News</a> | <a href='/sport'>Sport</a></td></tr></table>"


def test_a_title_never_closed_ends_at_the_next_tag() -> None:
    """A crawl that lost ``</title>``: libxml2 read the rest of the page as the title and the article was lost;
    the title ends at the next tag, as older browsers ended it."""
    html = (f"<html><head><title>Two waste sites to close - The Gazette<script>var ad = 1;</script></head><body>"
            f"{CHROME}<h1>Two waste sites to close on weekdays</h1>{ARTICLE}</body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert all(p in doc.body_text for p in PARAS)
    assert doc.title == "Two waste sites to close on weekdays"


def test_a_page_whose_html_tag_is_written_self_closing_is_read_whole() -> None:
    """A spliced crawl left ``<html ... />``: libxml2 ended the document at the slash (nothing read); a browser
    ignores it, and so does the cleaner."""
    html = (f"<!DOCTYPE html><html xmlns='http://www.w3.org/1999/xhtml' alt='Gazette' width='145' />{CHROME}"
            f"<h1>Two waste sites to close on weekdays</h1>{ARTICLE}</body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert all(p in doc.body_text for p in PARAS)


def test_a_page_stitched_from_two_documents_is_read_on_past_the_first_ones_end() -> None:
    """A weather box included as a whole document of its own (``...</body></html>``, a script, then the page's
    own ``<!DOCTYPE><html><head><title>...``): libxml2 dropped all after the first ``</html>``; a browser reads on,
    and shows neither head's title."""
    html = ("<html><body><table><tr><td>Tuesday 15th of January 2008</td><td>Temperature: 25</td></tr></table>"
            "</body></html><script>function f() {}</script><!DOCTYPE html><html><head><title>News::Waste sites"
            f"</title></head><body>{CHROME}<h1>Two waste sites to close on weekdays</h1>{ARTICLE}</body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert all(p in doc.body_text for p in PARAS)
    assert all("News::" not in b.text for b in doc.blocks)


def test_a_page_whose_content_starts_inside_head_is_read_as_its_body() -> None:
    """A site's own tag (``<mbox>``) right after the head's metadata, and no ``<body>`` tag: libxml2 put the whole
    page in ``<head>`` (no block found, the page lost); a browser ends the head at the first tag that cannot be in
    it and shows the rest as the body, and so does the cleaner, ensemble or not."""
    html = (f"<html><head><title>Two waste sites to close</title><meta name='robots' content='all'><mbox>{CHROME}"
            f"<h1>Two waste sites to close on weekdays</h1>{ARTICLE}</mbox></html>")
    for ensemble in (False, True):
        doc = clean_document(html, "html", ensemble=ensemble)
        assert all(p in doc.body_text for p in PARAS)
        assert "Home" not in doc.body_text


def test_content_after_a_stray_tag_in_head_goes_before_the_bodys_own() -> None:
    """A table row written inside ``<head>`` before an explicit ``<body>``: it and what follows it lead the body,
    in the order written; the head's title and metadata stay out."""
    html = (f"<html><head><title>Waste sites</title><tr><td>{PARAS[0]}</td></tr></head><body>"
            f"<h1>Two waste sites to close on weekdays</h1>{''.join(f'<p>{p}</p>' for p in PARAS[1:])}</body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert all(p in doc.body_text for p in PARAS)
    assert doc.body_text.index(PARAS[0]) < doc.body_text.index(PARAS[1])


def test_a_closed_title_and_a_self_closing_image_are_left_as_written() -> None:
    """The repair touches nothing on a well-formed page: ``<img/>`` and a closed title parse as before."""
    html = (f"<html><head><title>Waste sites - The Gazette</title></head><body>{CHROME}<h1>Two waste sites to close"
            f"</h1><img src='a.jpg' />{ARTICLE}</body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert all(p in doc.body_text for p in PARAS) and "The Gazette" not in doc.body_text


def test_teasers_after_the_article_in_its_own_element_are_not_its_closing_paragraphs() -> None:
    """A 2008 page puts other stories' linked headlines, each over its summary, right after the article's
    paragraphs in the same table cell: they are no closing paragraphs set after a box (the article ends before
    them); the last link of a list, followed by prose, still is no teaser (the article resuming)."""
    teasers = "".join(f"<p><a href='/w{k}'>{h}</a></p><p>{t}</p>" for k, (h, t) in enumerate(TEASERS))
    html = (f"<html><body>{CHROME}<table><tr><td><h1>Two waste sites to close on weekdays</h1>{ARTICLE}"
            f"<p>Do you have comments on this story?</p>{teasers}</td></tr></table></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert all(p in doc.body_text for p in PARAS)
    assert not any(t in doc.body_text for _, t in TEASERS)


def test_the_article_resumes_after_a_list_of_links_inside_it() -> None:
    """The last link of a related list inside the article, followed by the article's closing paragraph in the same
    element, heads no teaser: the paragraph is the article's."""
    links = "".join(f"<li><a href='/w{k}'>{h}</a></li>" for k, (h, _) in enumerate(TEASERS))
    html = (f"<html><body>{CHROME}<table><tr><td><h1>Two waste sites to close on weekdays</h1>"
            + "".join(f"<p>{p}</p>" for p in PARAS[:3]) + f"<h3>Related stories</h3><ul>{links}</ul><p>{PARAS[3]}</p>"
            "</td></tr></table><p><a href='/about'>About us</a> | <a href='/contact'>Contact</a></p></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert all(p in doc.body_text for p in PARAS)
    assert not any(h in doc.body_text for h, _ in TEASERS)


LONG_TEASERS = [
    ("Inquest urges more help for young carers",
     "An inquest report released on Thursday into the death of a young carer recommends that the county give "
     "more help to the families who look after a parent at home."),
    ("Insurer urged to offer pay-as-you-drive cover",
     "Campaigners are urging the county's largest insurer to consider cover that charges drivers by the mile, "
     "saying it would cut both the cost of cover and the number of cars on the road."),
    ("Hotelier eager to dive into water park plan",
     "A committee at the town hall has approved a plan to put two million pounds of public money into a water park "
     "on the old gasworks site, in the hope that private money will follow."),
]


def test_a_stream_of_other_stories_after_a_related_heading_is_no_article_resuming() -> None:
    """A text scrape: the article, a 'More headlines' heading, then other stories' headlines each over a summary
    that runs long and ends as a statement. The article resuming after a box has paragraphs that follow each
    other; each of these sits under a headline of its own, so the article ends at the heading."""
    stream = [line for pair in LONG_TEASERS for line in pair]
    text = "\n".join(["Home | News | Sport", "Two waste sites to close on weekdays", *PARAS,
                      "MORE COUNTY HEADLINES »", *stream, "Contact us | Privacy"])
    doc = clean_document(text, "text", ensemble=False)
    assert all(p in doc.body_text for p in PARAS)
    assert not any(summary in doc.body_text for _, summary in LONG_TEASERS)


def test_the_article_still_resumes_after_a_related_box_in_a_text_scrape() -> None:
    """The same heading and list inside the article, with two of its paragraphs after it: the article resumes."""
    text = "\n".join(["Home | News | Sport", "Two waste sites to close on weekdays", *PARAS[:2], "Related stories",
                      *(h for h, _ in LONG_TEASERS), *PARAS[2:], "Contact us | Privacy"])
    doc = clean_document(text, "text", ensemble=False)
    assert all(p in doc.body_text for p in PARAS)


def test_the_article_resumes_after_a_related_box_of_one_link_inside_it() -> None:
    """A related box of one linked headline (an <aside>) between the article's paragraphs, its summary-shaped
    next paragraph the article's own: the box is a unit of its own, not a stream of teasers."""
    html = (f"<html><body>{CHROME}<table><tr><td><h1>Two waste sites to close on weekdays</h1>"
            + "".join(f"<p>{p}</p>" for p in PARAS[:3])
            + f"<aside class='related'><a href='/w1'>{TEASERS[0][0]}</a></aside><p>{PARAS[3]}</p>"
            "</td></tr></table><p><a href='/about'>About us</a> | <a href='/contact'>Contact</a></p></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert all(p in doc.body_text for p in PARAS)


SHORT_PARAS = [
    "The council toured the flooded streets by the river on Sunday to see the damage the ice jam has done.",
    "Three cabinet members and the mayor went with the leader, who spoke to families moved out of their homes.",
    "The ice jam is about six kilometres long and has kept the river above its banks for more than a week.",
    "The leader did not promise any new money, but said the council would help the town to pay for the repairs.",
    "The town and the council have already spent about three million pounds on pumps, sandbags and hot meals.",
]
BLURBS = [
    ("Record year for house sales in the county",
     "Estate agents in the county's four biggest towns sold more homes last year than in any year since records "
     "began, and prices rose faster than wages for the sixth year in a row, the land registry's figures show."),
    ("Brewers rewrite recipes as hops run short",
     "A shortage of hops after a wet summer is forcing small breweries across the county to change the recipes of "
     "their best-selling beers, and some say they will have to put up their prices before the spring."),
    ("Man charged after hit-and-run on the ring road",
     "A man of twenty-four from the north of the county has been charged after a cyclist was knocked down and "
     "left at the side of the ring road late on Friday night, and will appear before the magistrates on Monday."),
    ("Catering college rethinks its rule on piercings",
     "A student who was told to take out her nose ring before she could cook in the college kitchens has won a "
     "review of the rule, which the college says was written to keep food safe and not to judge how anyone looks."),
    ("Ferry timetable cut for the winter months",
     "The island ferry will sail twice a day instead of four times from next month, the operator said, blaming "
     "the cost of fuel and a fall in the number of passengers since the bridge to the mainland was opened."),
]


def test_a_list_of_other_stories_after_a_section_heading_does_not_take_the_short_articles_place() -> None:
    """A short article of short paragraphs, a 'Related' heading, then another section's list of stories, each a
    headline over a long blurb: the blurbs hold more long prose than the article, but a blurb under its headline is
    no article's paragraph, so the article is not dropped for the list (a text scrape: no markup to tell)."""
    lines = ["Home", "News", "Sport", "Weather", "Ice jam floods riverside streets", "Last updated: 14 January 2008",
             "Gazette News", "Story tools: E-mail | Print | Text size", *SHORT_PARAS, "With files from the wire",
             "Related", "Internal links", "Town considers melting the ice jam with hot water",
             "Photo gallery: the ice jam", "County headlines"]
    for head, blurb in BLURBS:
        lines += [head, blurb]
    lines += ["Full list of articles", "Contact us | Terms of use | Privacy"]
    doc = clean_document("\n".join(lines), "text")
    assert doc.body_text is not None and all(p in doc.body_text for p in SHORT_PARAS)
    assert all(blurb not in doc.body_text for _, blurb in BLURBS)


def test_a_talkback_under_the_article_is_its_comments_not_its_body() -> None:
    """Numbered talkbacks, each under its writer's name, place and a bracketed date and time: a comment thread that
    a text scrape prints after the article, not more of it."""
    lines = ["Home", "News", "Two waste sites to close on weekdays", *PARAS, "Talkbacks for this article",
             "2. Sam J - Harbourtown (12/19/2007 16:36)",
             "2. The council never listens to the villages, and this proves it once again, as anyone could have told "
             "them.", "Jo B - Westley (12/19/2007 15:53)",
             "1. Weekday opening was always a waste of money, so the council is right to close the sites at last."]
    doc = clean_document("\n".join(lines), "text", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)


def test_a_news_agencys_sign_off_ends_the_article_even_when_prose_follows() -> None:
    """A wire story closed by the agency's copyright notice, then the site's blog column (a heading, its writer and
    date, two long paragraphs): long prose after a section heading would be the article resuming after a box, but
    the agency's notice is the end of its story, so the column is not taken in."""
    column = [BLURBS[0][1], BLURBS[1][1]]
    html = (f"<html><body>{CHROME}<table><tr><td><h1>Two waste sites to close on weekdays</h1>"
            + "".join(f"<p>{p}</p>" for p in PARAS)
            + "<p>Copyright 2008 Associated Press. All rights reserved. This material may not be published, "
              "broadcast, rewritten, or redistributed.</p><p><b>Gazette blogs</b></p>"
              "<p>Sam Writer January 7th, 2008</p>" + "".join(f"<p>{p}</p>" for p in column)
            + "</td></tr></table></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert all(p in doc.body_text for p in PARAS)
    assert not any(p in doc.body_text for p in column)


def test_a_sentence_in_a_table_that_lays_out_the_article_is_read_by_its_words() -> None:
    """A 2008 page that lays its story out in a table inside its article markup: a cell's line rules were skipped
    (a data table's cells, '9' or 'Home', are no chrome), so the agency's copyright line under the story was kept
    as prose; a cell of a sentence's length is read by its words, and short data cells still are not."""
    notice = ("Copyright 2008 The Associated Press. All rights reserved. This material may not be published, "
              "broadcast, rewritten or redistributed.")
    html = (f"<html><body>{CHROME}<article><h1>Two waste sites to close on weekdays</h1><table>"
            + "".join(f"<tr><td>{p}</td></tr>" for p in PARAS[:2])
            + "<tr><td>Site</td><td>Home</td><td>Cars a day</td></tr><tr><td>Northgate</td><td>Home</td><td>92</td>"
            + "</tr>" + "".join(f"<tr><td>{p}</td></tr>" for p in PARAS[2:])
            + f"<tr><td>{notice}</td></tr></table></article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join([*PARAS[:2], "Site", "Home", "Cars a day", "Northgate", "Home", "92",
                                          *PARAS[2:]])


def test_an_about_the_author_heading_ends_the_article_even_in_its_markup() -> None:
    """An 'About the author' heading inside the article's markup, then the author's bio (one long paragraph of the
    same element): the heading ends the article like an agency's sign-off, so the bio is not its closing text."""
    bio = ("Sam Writer has worked as a reporter on the county's papers since 2007, and before that covered the "
           "courts and the council for a news agency in the city for almost ten years.")
    html = (f"<html><body>{CHROME}<article><h1>Two waste sites to close on weekdays</h1>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + f"<h3>About the author</h3><p>{bio}</p></article></body></html>")
    doc = clean_document(html, "html", ensemble=False)
    assert doc.body_text == "\n\n".join(PARAS)
