"""People in results pages (issue 14): goal scorers with their minutes, and a surname next to its figures.
Invented pages in the wire's layout; no third-party text."""
from __future__ import annotations

from pipeline.entities import extract_entities


def people(text: str) -> list[str]:
    found = extract_entities(text)
    for m in found.people:
        assert text[m.char_start:m.char_end] == m.surface
    return [m.surface for m in found.people]


SOCCER = ("SOCCER - NORTHLAND LEAGUE RESULTS.\n\nResults of Northland league matches on Saturday:\n\n"
          "Port Arlen 2 (Brannigan 12th, Ostrova 77th) Kelmscott 1 (Dufresne 58th minute).\n\n"
          "Halftime 1-1. Attendance 12,000.\n\n"
          "Varnholt scored twice: Ruzickova (5th and 89th minutes), Tellamy (31st), De la Moura (75th).")


def test_scorers_with_their_minutes_are_people():
    found = people(SOCCER)
    for name in ("Brannigan", "Ostrova", "Dufresne", "Ruzickova", "Tellamy", "De la Moura"):
        assert name in found


def test_minutes_outside_a_sports_page_make_no_person():
    text = "The index rose for the 12th day (Monday 14th was a holiday), and Harvest 3rd quarter sales fell."
    assert "Monday" not in people(text) and "Harvest" not in people(text)


def test_a_surname_followed_by_its_figures_is_the_person_named_in_full():
    text = ("CYCLING - TOUR OF ARDEN RESULTS.\n\nLeading results of the third stage:\n\n"
            "1. Tomasz Wielgocki (Poland) 3 hours 12 minutes 5 seconds\n\n"
            "2. Ansel Marroquin (Spain) 2 seconds behind\n\n"
            "Overall standings:\n\n1. Marroquin 10 hours\n\n2. Wielgocki 4 seconds behind")
    found = people(text)
    assert found.count("Marroquin") == 1 and found.count("Wielgocki") == 1


def test_a_nationality_or_position_before_a_full_name_is_not_part_of_it():
    text = ("Swede Halvard Ostberg kept his team in the hunt, while Argentine Emilio Cardoso retired. "
            "Midfielder Rory Quennell said he was fit. Director-General Anselm Varga said the talks had failed.")
    found = people(text)
    assert {"Halvard Ostberg", "Emilio Cardoso", "Rory Quennell", "Anselm Varga"} <= set(found)
    assert not any(p.startswith(("Swede", "Argentine", "Midfielder", "Director")) for p in found)


BASEBALL = ("BASEBALL - MAJOR LEAGUE RESULTS.\n\nThe Seattle Mariners beat the Kansas City Royals 6-2 on Sunday as "
            "the Mariners won their fifth straight game. The Chicago White Sox lost again.\n\n"
            "The Royals pitcher said after the game in Seattle that his team would recover.")


def test_a_town_and_a_plural_nickname_are_one_club_and_the_nickname_alone_is_that_club():
    found = extract_entities(BASEBALL)
    bodies = [(b.surface, b.name) for b in found.bodies]
    for team in ("Seattle Mariners", "Kansas City Royals", "Chicago White Sox"):
        assert (team, team) in bodies
    assert ("Mariners", "Seattle Mariners") in bodies and ("Royals", "Kansas City Royals") in bodies
    assert [p.surface for p in found.places] == ["Seattle"]  # "in Seattle" is the city


def test_a_town_and_a_plural_word_off_a_sports_page_stay_a_place():
    found = extract_entities("Officials in Seattle Monday said Chicago Democrats would meet. Boston Dynamics grew.")
    assert not any(b.surface.startswith(("Seattle", "Chicago")) for b in found.bodies)


def test_a_broadcaster_named_by_its_medium_is_a_body_not_a_person():
    found = extract_entities("Israel Radio said troops had left. Reuters Television showed the crash, and the "
                             "China Daily said the talks went on. He heard it on the radio.")
    assert [b.surface for b in found.bodies] == ["Israel Radio", "Reuters Television", "China Daily"]
    assert not found.people


def bodies(text: str) -> list[str]:
    return [m.surface for m in extract_entities(text).bodies]


def test_the_team_after_an_entrants_country_is_a_body_but_a_venue_with_its_date_is_a_place():
    text = ("CYCLING - TOUR OF ARDEN RESULTS.\n\nLeading results of the first stage:\n\n"
            "1. Tomasz Wielgocki (Poland) Velomarc 3 hours 12 minutes\n\n"
            "2. Ansel Marroquin (Spain) Kestrelia same time\n\n3. Ivo Dranic (Croatia) Velomarc 0:08")
    found = extract_entities(text)
    assert [m.surface for m in found.bodies] == ["Velomarc", "Kestrelia", "Velomarc"]
    assert "Poland" in [m.surface for m in found.places]
    venue = extract_entities("ATHLETICS - ALL-TIME LIST.\n\nWomen's 1,000 metres:\n\n"
                             "2:30.67 Marta Kessel (Germany) Berlin 17.8.90")
    assert "Berlin" in [m.surface for m in venue.places] and not venue.bodies


def test_a_club_in_brackets_after_a_scorer_is_a_body_but_a_country_or_a_first_name_is_not():
    text = ("SOCCER - NORTHLAND LEAGUE SCORERS.\n\nLeading scorers after Saturday's matches:\n\n"
            "4 - Enzo Brannigan (Port Arlen), Vlado Ostrova (Kelmscott).\n\n3 - Ivo Tellamy (Belgium).\n\n"
            "He saw (Tom) Varnholt play.")
    found = extract_entities(text)
    assert [m.surface for m in found.bodies] == ["Port Arlen", "Kelmscott"]
    assert "Belgium" in [m.surface for m in found.places]


def test_entrant_teams_and_bracketed_clubs_need_a_sports_page():
    text = "The fund (Kelmscott) Velomarc 12 said on Monday. Mr Ivo Tellamy (Port Arlen) agreed."
    assert "Velomarc" not in bodies(text) and "Port Arlen" not in bodies(text)


def test_a_cricket_pages_counties_are_its_teams_but_venues_and_scorecard_words_are_not():
    text = ("CRICKET - COUNTY CHAMPIONSHIP ROUND-UP.\n\nLONDON 1996-08-30\n\nKent beat Somerset by 40 runs. "
            "Title rivals Essex and Surrey closed in, and Surrey captain Ian Pellow made 90.\n\n"
            "Portsmouth: Glamorgan beat Durham by 141 runs.\n\nGlamorgan 259 and 207.\n\nExtras (b-4) 12\n\n"
            "Rain fell in Essex.")
    found = extract_entities(text)
    assert [m.surface for m in found.bodies] == ["Kent", "Somerset", "Essex", "Surrey", "Surrey", "Glamorgan",
                                                 "Durham", "Glamorgan"]
    assert {"Portsmouth", "Essex"} <= {m.surface for m in found.places}


def test_on_a_tennis_page_a_winner_is_a_player_not_a_team():
    text = "TENNIS - ARDEN OPEN RESULTS.\n\nARDEN 1996-08-30\n\nNiklas Varnholt beat Ivo Tellamy 6-3 6-4."
    assert bodies(text) == []


def test_motor_sport_labels_make_a_results_page():
    text = ("MOTOCROSS - ARDEN 125CC GRAND PRIX RESULTS.\n\nARDEN 1996-08-30\n\n"
            "1. Tomas Wielgo (Poland) Velomarc\n\n2. Ansel Marroq (Spain) Kestrelia")
    assert bodies(text) == ["Velomarc", "Kestrelia"]


def test_a_town_before_a_squad_word_is_its_club_there_and_elsewhere_on_the_page():
    text = ("SOCCER - ARDEN LEAGUE ROUND-UP.\n\nARDEN 1996-08-30\n\nMilan coach Arrigo Tellamy praised his side. "
            "Milan are third. Fans travelled from Milan to Rome.")
    found = extract_entities(text)
    assert [m.surface for m in found.bodies] == ["Milan", "Milan"]
    assert {"Milan", "Rome"} <= {m.surface for m in found.places}
