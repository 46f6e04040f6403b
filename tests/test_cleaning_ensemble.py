"""The ensemble's block-by-block merge, on hand-written pages with a hand-written second article (what another
extractor would return), so the test does not depend on trafilatura's own behaviour."""
from __future__ import annotations

from pipeline.cleaning.api import candidates_for
from pipeline.cleaning.classify import label
from pipeline.cleaning.ensemble import Decision, apply, decide, project
from pipeline.cleaning.rules import vocabulary
from pipeline.cleaning.verdicts import Labelling

PARAS = [
    "A header from substitute Callum Reid two minutes into stoppage time gave Rovers a 2-1 win at Mill Lane on "
    "Saturday and lifted them into the play-off places for the first time this season.",
    "The hosts had led through a first-half penalty, but Rovers levelled soon after the break when their captain "
    "turned in a low cross at the near post, and they pressed for a winner for most of the second half.",
    "The manager said afterwards that the squad had shown the character he had asked for in the week, and that "
    "the players deserved the long trip home with three points after a difficult run of away games.",
    "Rovers play their next match at home to Castle United on Tuesday evening, when a win would take them above "
    "their neighbours for the first time since the spring of 2019.",
]
MORE = [
    "Supporters who made the journey sang throughout the second half, and the club thanked them afterwards for "
    "filling the away end on a cold afternoon, with more than six hundred tickets sold in the week before.",
    "The captain said the dressing room had believed they could win even when they were behind, and that the "
    "late goal was a reward for the work the squad had put in on the training ground since the summer.",
    "Reid, who joined from a non-league side in August, has now scored four times from the bench, more than any "
    "other substitute in the division, and the manager hinted that he could start on Tuesday.",
]
TEASERS = [
    "Castle United have signed a winger on loan until January, the club said, to cover for their injured captain "
    "over a busy month of fixtures in the league and the cup.",
    "Harbour Town's manager has been handed a two-match touchline ban after his sending-off at the end of last "
    "month's derby, and he will watch the next games from the stand.",
    "The county football association has opened an inquiry into crowd trouble at the youth cup final, and says "
    "it will report its findings to the clubs before the end of the season.",
]


def labelled(html: str) -> Labelling:
    cands, page = candidates_for(html, "html")
    return label(cands, stopwords=vocabulary().stopwords["en"], repeated=None, fmt="html",
                 title_hint=page.get("title"))


def body_of(lab: Labelling, verdicts) -> list[str]:
    return [s.cand.text for s, v in zip(lab.scored, verdicts, strict=True) if v.role == "body"]


def _decision(lab: Labelling, second: str) -> Decision:
    in_second = project(lab, second)
    choice, why = decide(lab, in_second)
    return Decision(choice, in_second, why)


def test_a_widget_label_inside_the_article_leaves_the_body_when_the_second_article_drops_it() -> None:
    html = ("<html><body><article><h1>Rovers climb to third</h1>" + f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p>"
            "<p>Tap to expand</p>" + f"<p>{PARAS[2]}</p><p>{PARAS[3]}</p></article></body></html>")
    lab = labelled(html)
    assert "Tap to expand" in body_of(lab, lab.verdicts)  # our classifier alone keeps it
    second = "\n".join(PARAS)
    choice, _ = decide(lab, project(lab, second))
    verdicts = apply(lab, _decision(lab, second))
    assert choice == "merge"
    assert body_of(lab, verdicts) == PARAS
    label_verdict = next(v for s, v in zip(lab.scored, verdicts, strict=True) if s.cand.text == "Tap to expand")
    assert label_verdict.role == "other_boilerplate" and "trafilatura" in label_verdict.reason


def test_the_second_region_is_taken_when_ours_lies_elsewhere() -> None:
    teasers = "".join(f"<div class='card'><p>{t}</p></div>" for t in TEASERS)
    article = "".join(f"<div class='x'><span>{p}</span></div>" for p in PARAS + MORE)
    html = f"<html><body><div>{teasers}</div><footer>{article}</footer></body></html>"
    lab = labelled(html)
    ours = body_of(lab, lab.verdicts)
    assert ours and set(ours) <= set(TEASERS)  # the classifier alone takes the teaser grid
    second = "\n".join(PARAS + MORE)
    choice, why = decide(lab, project(lab, second))
    assert choice == "second", why
    verdicts = apply(lab, _decision(lab, second))
    assert body_of(lab, verdicts) == PARAS + MORE
    assert all(v.role != "body" and "trafilatura" in v.reason
               for s, v in zip(lab.scored, verdicts, strict=True) if s.cand.text in TEASERS)


def test_prose_after_a_list_of_related_links_joins_when_the_second_article_keeps_it() -> None:
    """The last item of a list of linked headlines is no teaser headline: the paragraph after the list is the
    article resuming (a teaser's summary follows a linked heading, not a list item)."""
    links = "".join(f"<li><a href='/r{k}'>{t.split(',')[0]}</a></li>" for k, t in enumerate(TEASERS))
    html = ("<html><body><article><h1>Rovers climb to third</h1>" + f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p>"
            f"<ul class='related-links'>{links}</ul><p>{PARAS[2]}</p></article></body></html>")
    lab = labelled(html)
    assert PARAS[2] not in body_of(lab, lab.verdicts)  # our classifier alone ends the article at the list
    second = "\n".join(PARAS[:3])
    verdicts = apply(lab, _decision(lab, second))
    assert body_of(lab, verdicts) == PARAS[:3]


def test_a_body_ending_in_blocks_unlike_its_paragraphs_is_doubted_and_trimmed() -> None:
    """A sign-up or bio box after the article's paragraphs, in the same text container but in other blocks
    (divs after the <p>s), is cause to ask trafilatura; its article ends before the box, which leaves ours."""
    from pipeline.cleaning.ensemble import doubt
    box = ["Jane Smith has covered the club for this paper since 2015 and writes a weekly column on the league.",
           "The club's fixtures for the rest of the season are listed in this paper's sport pages every Friday.",
           "This site is protected by a robot check and the privacy policy and terms of service of its maker."]
    html = ("<html><body><article><h1>Rovers climb to third</h1><div class='entry-content'>"
            + "".join(f"<p>{p}</p>" for p in PARAS + MORE) + "".join(f"<div>{b}</div>" for b in box)
            + "</div></article></body></html>")
    lab = labelled(html)
    assert set(box) <= set(body_of(lab, lab.verdicts))  # our classifier alone keeps the box
    assert doubt(lab) is not None and "unlike its paragraphs" in doubt(lab)
    verdicts = apply(lab, _decision(lab, "\n".join(PARAS + MORE)))
    assert body_of(lab, verdicts) == PARAS + MORE


def test_a_body_with_holes_is_doubted_and_the_second_article_fills_them() -> None:
    """Lines we drop between the body's own paragraphs (all link: chrome to our classifier), more than a tenth of
    its words, are cause to ask trafilatura even on a long, sound-looking body; the ones its article keeps join
    ours, block by block."""
    from pipeline.cleaning.ensemble import doubt
    linked = ["<a href='/v1'>[Watch: the winning header from the away end at Mill Lane in the second half]</a>",
              "<a href='/v2'>[Watch: the manager on the long trip home and the run of away games]</a>"]
    paras = PARAS + MORE
    html = ("<html><body><article><h1>Rovers climb to third</h1>"
            + "".join(f"<p>{p}</p>" + (f"<p>{linked[k // 3]}</p>" if k in (1, 4) else "")
                      for k, p in enumerate(paras)) + "</article></body></html>")
    lab = labelled(html)
    lines = [t.split(">", 1)[1].split("<")[0] for t in linked]
    assert not set(lines) & set(body_of(lab, lab.verdicts))  # our classifier alone drops them
    assert doubt(lab) is not None and "dropped between blocks" in doubt(lab)
    second = "\n".join(paras[:2] + lines[:1] + paras[2:5] + lines[1:] + paras[5:])
    verdicts = apply(lab, _decision(lab, second))
    assert body_of(lab, verdicts) == paras[:2] + lines[:1] + paras[2:5] + lines[1:] + paras[5:]
    # a tenth of the body or less is left to our own judgement (on the dev sets trafilatura's opinion on such holes
    # was as often worse as better, and it is the dearest part of cleaning a page)
    short = html.replace(" in the second half", "")
    assert doubt(labelled(short)) is None


def test_summaries_beyond_a_marked_sidebar_do_not_join_when_the_second_article_keeps_them() -> None:
    """Quiz or teaser cards beyond a box the markup calls a sidebar, outside the article's markup: their
    summaries are prose, and a second article that keeps them does not bring them into ours."""
    sidebar = "".join(f"<li><a href='/p{k}'>{t.split(',')[0]}</a></li>" for k, t in enumerate(TEASERS * 2))
    cards = ["Find out how well you know the rules of the game with our short quiz for fans.",
             "Test what you remember of the club's history in the league and the cup since 1990.",
             "Take our quiz to learn which of the club's famous players you are most like."]
    html = ("<html><body><article><h1>Rovers climb to third</h1>" + "".join(f"<p>{p}</p>" for p in PARAS)
            + f"</article><div class='sidebar'><ul>{sidebar}</ul></div><div>"
            + "".join(f"<div class='card'><h4>Quiz {k}</h4><p>{t}</p></div>" for k, t in enumerate(cards))
            + "</div></body></html>")
    lab = labelled(html)
    assert body_of(lab, lab.verdicts) == PARAS
    verdicts = apply(lab, Decision("merge", project(lab, "\n".join(PARAS + cards)), "test"))
    assert body_of(lab, verdicts) == PARAS


def test_a_list_of_links_inside_the_article_markup_joins_when_the_second_article_keeps_it() -> None:
    """A list of links inside <article> (sources, further reading) that our classifier takes for a related box:
    kept by the second article, it is the article's own and joins the body; the same list outside the article's
    markup (a sidebar) does not."""
    links = [f"Match report: {t.split(',')[0]}" for t in TEASERS]
    items = "".join(f"<li><a href='/r{k}'>{t}</a></li>" for k, t in enumerate(links))
    inside = ("<html><body><article><h1>Rovers climb to third</h1>" + "".join(f"<p>{p}</p>" for p in PARAS)
              + f"<ul>{items}</ul></article></body></html>")
    outside = inside.replace(f"<ul>{items}</ul></article>", f"</article><div><ul>{items}</ul></div>")
    for html, joins in ((inside, True), (outside, False)):
        lab = labelled(html)
        assert body_of(lab, lab.verdicts) == PARAS  # our classifier alone leaves the list out
        verdicts = apply(lab, _decision(lab, "\n".join(PARAS + links)))
        assert body_of(lab, verdicts) == (PARAS + links if joins else PARAS)


HEADLINES = ["Castle United sign winger on loan until January", "Harbour Town manager handed touchline ban",
             "Inquiry opened into crowd trouble at youth cup final", "Mill Lane to get new stand by next summer"]
STORIES = [f"{h}, part {k} of our series on the league" for k in range(1, 9) for h in HEADLINES]


def test_an_article_holding_ours_that_runs_on_after_it_leaves_ours_as_it_is() -> None:
    """Trafilatura's article holds ours and runs on over a list of other stories' headlines (a page without
    article markup): what it adds lies after ours (on the dev pages: other stories or comments, and extending
    never helped), so ours is kept and the list stays a list."""
    links = "".join(f"<li><a href='/s{k}'>{h}</a></li>" for k, h in enumerate(STORIES))
    html = ("<html><body><table><tr><td><h1>Rovers climb to third</h1>" + "".join(f"<p>{p}</p>" for p in PARAS)
            + f"<h3>More stories</h3><ul>{links}</ul></td></tr></table></body></html>")
    lab = labelled(html)
    assert set(STORIES).isdisjoint(body_of(lab, lab.verdicts))  # our classifier alone sees the list
    decision = _decision(lab, "\n".join(PARAS + STORIES))
    assert decision.choice == "keep", decision.why
    assert apply(lab, decision) == lab.verdicts


def test_an_article_holding_ours_that_begins_before_it_is_taken() -> None:
    """Our body is the article's last paragraph (the first three sit in a box marked as a sign-up promotion, left
    open around them); trafilatura's article holds it and adds what comes before it: we began too late, so its
    article is taken, but for the appeal our line rules mark as chrome."""
    appeal = "Do you have a story to tell? Email: sport@rovers.example"
    html = ("<html><body><h1>Rovers climb to third</h1><div class='newsletter-signup'>"
            + "".join(f"<p>{p}</p>" for p in PARAS[:3]) + f"<p>{appeal}</p></div><p>{PARAS[3]}</p></body></html>")
    lab = labelled(html)
    assert body_of(lab, lab.verdicts) == PARAS[3:]
    decision = _decision(lab, "\n".join([*PARAS[:3], appeal, PARAS[3]]))
    assert decision.choice == "extend", decision.why
    assert body_of(lab, apply(lab, decision)) == PARAS


def test_nothing_past_a_news_agencys_sign_off_joins() -> None:
    """An agency's story, its copyright notice, then the site's column (two long paragraphs) that trafilatura
    runs on into: the story ended at the notice, so the column stays out whatever the merge would take."""
    notice = ("Copyright 2008 The Associated Press. All rights reserved. This material may not be published, "
              "broadcast, rewritten or redistributed.")
    html = ("<html><body><table><tr><td><h1>Rovers climb to third</h1>" + "".join(f"<p>{p}</p>" for p in PARAS)
            + f"<p>{notice}</p><p><b>From the terraces</b></p>" + "".join(f"<p>{p}</p>" for p in MORE[:2])
            + "</td></tr></table></body></html>")
    lab = labelled(html)
    assert body_of(lab, lab.verdicts) == PARAS
    decision = _decision(lab, "\n".join([*PARAS, *MORE[:2]]))
    assert decision.choice == "merge", decision.why
    assert body_of(lab, apply(lab, decision)) == PARAS


def test_a_copy_of_the_headline_in_a_box_of_the_article_does_not_join() -> None:
    """A trending box inside the article's markup names the article itself among its links, and trafilatura keeps
    that line: a copy of the page's headline is never the article's text, whatever box it sits in."""
    links = "".join(f"<li><a href='/s{k}'>{h}</a></li>" for k, h in enumerate(["Rovers climb to third", *STORIES[:3]]))
    html = ("<html><body><article><h1>Rovers climb to third</h1><div class='entry-content'>"
            + "".join(f"<p>{p}</p>" for p in PARAS[:2]) + f"<ul class='related-links'>{links}</ul>"
            + "".join(f"<p>{p}</p>" for p in PARAS[2:]) + "</div></article></body></html>")
    lab = labelled(html)
    assert "Rovers climb to third" not in body_of(lab, lab.verdicts)
    decision = _decision(lab, "\n".join([*PARAS[:2], "Rovers climb to third", *STORIES[:3], *PARAS[2:]]))
    assert decision.choice == "merge", decision.why
    body = body_of(lab, apply(lab, decision))
    assert "Rovers climb to third" not in body and all(p in body for p in PARAS)


def test_a_site_notice_far_from_the_article_and_outside_its_markup_does_not_join() -> None:
    """A page without article markup ends in a site's notice, prose that trafilatura keeps with the article: it
    is chrome (never the article on the dev sets), so the merge leaves it out."""
    notice = ("The views expressed in the comments are those of their authors and not of this newspaper, which "
              "reserves the right to remove any post that breaks the rules of the site without notice.")
    nav = "".join(f"<td><a href='/s{k}'>{h}</a></td>" for k, h in enumerate(HEADLINES))
    html = ("<html><body><table><tr><td><h1>Rovers climb to third</h1>" + "".join(f"<p>{p}</p>" for p in PARAS)
            + f"</td></tr><tr>{nav}</tr><tr><td>Copyright 2008 The Gazette</td></tr><tr><td><p>{notice}</p></td></tr>"
            "</table></body></html>")
    lab = labelled(html)
    assert notice not in body_of(lab, lab.verdicts)
    verdicts = apply(lab, _decision(lab, "\n".join([*PARAS, notice])))
    assert body_of(lab, verdicts) == PARAS


def test_a_standfirst_between_the_headline_and_the_article_joins_outside_article_markup() -> None:
    """Prose that trafilatura keeps between the headline and our body, outside article markup, is the article's
    standfirst: no site notice, so it joins (a notice above the headline would not)."""
    standfirst = ("Rovers moved into the play-off places on Saturday with a late winner at Mill Lane, their fourth "
                  "away win of a season that began with three defeats in a row.")
    html = ("<html><body><table><tr><td><h1>Rovers climb to third</h1></td></tr>"
            f"<tr><td class='x'><div><p>{standfirst}</p></div></td></tr>"
            + "".join(f"<tr><td><a href='/s{k}'>{h}</a></td></tr>" for k, h in enumerate(HEADLINES))
            + "<tr><td>" + "".join(f"<p>{p}</p>" for p in PARAS + MORE) + "</td></tr></table></body></html>")
    lab = labelled(html)
    assert standfirst not in body_of(lab, lab.verdicts)  # our classifier alone leaves it out
    verdicts = apply(lab, _decision(lab, "\n".join([standfirst, *PARAS, *MORE])))
    assert standfirst in body_of(lab, verdicts)


def test_a_short_body_is_doubted_only_when_article_like_text_lies_outside_it() -> None:
    """A short article amid menus alone gives trafilatura nothing better to find (on the dev sets such consultations
    changed pages for the worse as often as for the better): no doubt; the same article beside paragraphs we left
    out (two paragraphs above a long list of links) is doubted, and so is any short body once trafilatura's article
    is already at hand."""
    from pipeline.cleaning.ensemble import doubt
    menu = "".join(f"<li><a href='/{w.lower()}'>{w}</a></li>" for w in ("News", "Sport", "Weather", "Contact us"))
    article = "<article><h1>Rovers climb to third</h1>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article>"
    alone = labelled(f"<html><body><nav><ul>{menu}</ul></nav>{article}<footer><ul>{menu}</ul></footer></body></html>")
    assert body_of(alone, alone.verdicts) == PARAS
    assert doubt(alone) is None
    assert doubt(alone, at_hand=True) is not None and "a short body" in doubt(alone, at_hand=True)
    links = "".join(f"<li><a href='/s{k}'>Section number {k}</a></li>" for k in range(30))
    apart = "<div>" + "".join(f"<p>{t}</p>" for t in TEASERS[:2]) + f"</div><ul>{links}</ul>"
    beside = labelled(f"<html><body>{apart}<nav><ul>{menu}</ul></nav>{article}</body></html>")
    assert body_of(beside, beside.verdicts) == PARAS
    assert doubt(beside) is not None and "a short body" in doubt(beside)
