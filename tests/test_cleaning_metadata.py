"""Author names from bylines: the classes of slips seen on real pages, with hand-written expectations."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.cleaning import clean_document
from pipeline.cleaning.metadata import clean_author, clean_title

from .test_cleaning_fundus_classes import PARAS


@pytest.mark.parametrize(("byline", "name"), [
    ("By Erin Cunningham March 24 at 2:21 PM", "Erin Cunningham"),   # a date glued on, from its month
    ("Associated Press November", "Associated Press"),                # the month its digits left behind
    ("Jane Smith Nov. 3, 2020", "Jane Smith"),
    ("Theresa May 12 June 2019", "Theresa May"),                      # 'May' is a surname as often as a month
    ("Jane May", "Jane May"),
    ("By Jane Smith, Political Editor", "Jane Smith"),
    ("ByTravis Haney", "Travis Haney"),                               # the label glued to the name
    ("Byron Smith", "Byron Smith"),
    ("Will Leitch/", "Will Leitch"),                                  # a separator left at the end
    ("Sam Stein Senior Politics Editor, The Huffington Post", "Sam Stein"),  # a job title glued on
    ("Andrew HusbandTwitterNews & Culture Writer", "Andrew Husband"),  # a label glued to the surname
    ("Ronald McDonald", "Ronald McDonald"),
    ("Alexa MacKenzie", "Alexa MacKenzie"),
    ("Ruth Head", "Ruth Head"),
])
def test_a_byline_gives_the_name_alone(byline: str, name: str) -> None:
    assert clean_author(byline) == name


@pytest.mark.parametrize("label", ["By", "by:", "No Author", "Author", "admin"])
def test_a_bare_label_names_nobody(label: str) -> None:
    assert clean_author(label) is None


def test_a_copyright_year_is_no_publication_date() -> None:
    """A page that states no date of its own has none, even when its footer names a year."""
    from pipeline.cleaning import clean_document

    prose = ("Derby City Council said on Tuesday that spending on housing would rise by 3% next year, with £12m "
             "set aside for the programme across 20 towns. ") * 4
    html = (f"<html><head><title>Budget gap widens</title></head><body><article><h1>Budget gap widens</h1>"
            f"<p>{prose}</p><p>{prose}</p></article><footer><p>© Example News 2024</p></footer></body></html>")
    assert clean_document(html, "html").published_date is None


def _head(title: str, metas: str = "", links: str = "") -> str:
    prose = ("Derby City Council said on Tuesday that spending on housing would rise by 3% next year, with £12m "
             "set aside for the programme across 20 towns. ") * 4
    return (f"<html><head><title>{title}</title>{metas}{links}</head><body><article>"
            f"<p>{prose}</p><p>{prose}</p></article></body></html>")


@pytest.mark.parametrize(("title", "metas", "links", "want"), [
    # a brand and a tagline after the headline: both go (the brand is the site's name and its host's)
    ("Budget gap widens &#x2014; Postlight &#x2014; Digital Strategy, Design and Engineering",
     '<meta name="og:site_name" value="Postlight &#x2014; Digital Strategy, Design and Engineering">',
     '<link rel="canonical" href="https://postlight.com/insights/budget">', "Budget gap widens"),
    # the og:title keeps the site's host as a suffix
    ("Budget gap widens", '<meta property="og:title" content="Budget gap widens in Derby - Sportsnet.ca">',
     '<link rel="canonical" href="https://www.sportsnet.ca/news/budget">', "Budget gap widens in Derby"),
    # a suffix that is not the site's name stays
    ("x", '<meta property="og:title" content="Derby - the city that fixed its budget">',
     '<link rel="canonical" href="https://example.com/a">', "Derby - the city that fixed its budget"),
])
def test_a_title_loses_the_site_name_after_it(title: str, metas: str, links: str, want: str) -> None:
    """Titles from the markup without the site's name glued after them, however many parts it has."""
    from pipeline.cleaning import clean_document

    assert clean_document(_head(title, metas, links), "html").title == want


@pytest.mark.parametrize(("metas", "byline", "want"), [
    # the markup's author is the publisher: the page's byline names the writer
    ('<meta name="author" content="ABC News"><meta property="og:site_name" content="ABC News">',
     "By Josh Haskell", "Josh Haskell"),
    # the markup names the publishing company, the byline someone else
    ('<meta name="author" content="Condé Nast">', "By Alex Hutchinson", "Alex Hutchinson"),
    # the markup and the byline agree: the markup's spelling is kept
    ('<meta name="author" content="Alex Hutchinson">', "By Alex Hutchinson and Jo Smith", "Alex Hutchinson"),
])
def test_the_markup_author_yields_to_the_byline_when_it_is_not_the_writer(metas: str, byline: str,
                                                                          want: str) -> None:
    from pipeline.cleaning import clean_document

    prose = ("Derby City Council said on Tuesday that spending on housing would rise by 3% next year, with £12m "
             "set aside for the programme across 20 towns. ") * 4
    html = (f"<html><head><title>Budget gap widens</title>{metas}</head><body><article><h1>Budget gap widens</h1>"
            f"<p class='byline'>{byline}</p><p>{prose}</p><p>{prose}</p></article></body></html>")
    assert clean_document(html, "html").author == want


@pytest.mark.parametrize("label", ["Getty Images", "AFP via Getty Images", "Shutterstock", "PA Wire"])
def test_a_picture_agency_credit_names_no_author(label: str) -> None:
    assert clean_author(label) is None


def _page(head: str, body_extra: str = "") -> str:
    prose = ("Derby City Council said on Tuesday that spending on housing would rise by 3% next year, with £12m "
             "set aside for the programme across 20 towns. ") * 4
    return (f"<html><head><title>Budget gap widens</title>{head}</head><body><article><h1>Budget gap widens</h1>"
            f"{body_extra}<p>{prose}</p><p>{prose}</p></article></body></html>")


def test_the_author_of_the_article_a_web_page_is_about_in_json_ld() -> None:
    """JSON-LD that describes the page, with the article as its mainEntity: the article's author."""
    ld = ('{"@context": "https://schema.org", "@type": "WebPage", "mainEntity": {"@type": "NewsArticle", '
          '"headline": "Budget gap widens", "author": [{"@type": "Person", "name": "Rachel Brook"}]}}')
    from pipeline.cleaning import clean_document

    html = _page(f"<script type='application/ld+json'>{ld}</script><meta name='dc.creator' content='Brook, R.'>")
    assert clean_document(html, "html").author == "Rachel Brook"


def test_a_catalogued_name_is_read_forename_first() -> None:
    """Dublin Core gives names surname first ('Brook, Rachel'): the author is 'Rachel Brook', not 'Brook'."""
    from pipeline.cleaning import clean_document

    assert clean_document(_page("<meta name='dc.creator' content='Brook, Rachel'>"), "html").author == "Rachel Brook"


def test_a_picture_credit_where_the_byline_sits_does_not_hide_the_markup_author() -> None:
    """A picture agency's credit in byline markup is no byline naming someone other than the markup's author."""
    from pipeline.cleaning import clean_document

    html = _page("<meta name='author' content='Nadia Kerr'>",
                 "<p class='byline'>Getty Images</p>")
    assert clean_document(html, "html").author == "Nadia Kerr"


def test_markup_escaped_twice_reads_as_written() -> None:
    """A CMS that escapes its titles and names before the page escapes them again leaves entities in the values
    ('Arnault&#8217;s', 'O&#039;Donnell', 'B&amp;B'): title, author and section read as written."""
    from pipeline.cleaning import clean_document

    prose = ("Derby City Council said on Tuesday that spending on housing would rise by 3% next year, with £12m "
             "set aside for the programme across 20 towns. ") * 4
    html = ("<html><head><meta property='og:title' content='Harbour&amp;#8217;s B&amp;amp;B fees to rise'>"
            "<meta name='author' content='Jo O&amp;#039;Donnell'>"
            "<meta property='article:section' content='Towns &amp;amp; Villages'></head>"
            f"<body><article><p>{prose}</p><p>{prose}</p></article></body></html>")
    doc = clean_document(html, "html")
    assert (doc.title, doc.author, doc.section) == ("Harbour’s B&B fees to rise", "Jo O'Donnell", "Towns & Villages")


def test_the_dateline_under_the_headline_beats_a_date_found_by_searching_the_whole_page() -> None:
    """No date in the markup: the dateline under the headline gives the date, before htmldate's search of the
    whole text (which reads an archive link's date here, and costs more than the rest of the cleaning)."""
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    html = ("<html><body><p><a href='/'>Home</a></p><h1>Two waste sites to close on weekdays</h1>"
            f"<p>Tuesday 15 January 2008</p>{paras}<p>Archive: stories from 12/03/2007 and earlier.</p>"
            "<p>Copyright 2007 The Gazette</p></body></html>")
    assert clean_document(html, "html").published_date == date(2008, 1, 15)


@pytest.mark.parametrize(("line", "title"), [
    ("Mobile library saved for two more years by: Jo Bloggs", "Mobile library saved for two more years"),
    ("Mobile library saved for two more years byJo Bloggs", "Mobile library saved for two more years"),
    ("Parish council police notes by Gazette Staff Report", "Parish council police notes"),
    ("Swimmer bitten by Great White Shark", "Swimmer bitten by Great White Shark"),  # title case reads as a name
    ("Boat caught by a century-old trawler", "Boat caught by a century-old trawler"),
    ("Stand by: Me", "Stand by: Me"),                                     # too little would be left
])
def test_a_byline_glued_after_the_headline_leaves_the_title(line: str, title: str) -> None:
    assert clean_title(line) == title
