"""Field readings per language: service, mode, location, numbers, cadence, supervisor, language."""

from __future__ import annotations

import pytest

from mailbot.understand import fields
from mailbot.understand.lexicon import LANGUAGES, LexiconError, load, validate


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("fi", "Haluaisin varata yksilötyönohjausta itselleni.", "individual"),
        ("fi", "Esihenkilöni suositteli minulle yksilötyönohjausta.", "individual"),
        ("fi", "Haluaisin esihenkilön työnohjausta itselleni.", "leader"),
        ("fi", "Johtoryhmämme haluaisi johdon työnohjausta.", "leader"),
        ("fi", "Meidän tiimi kaipaisi tiimityönohjausta.", "group"),
        ("fi", "Työyhteisömme tarvitsisi työyhteisötyönohjausta.", "group"),
        ("fi", "Saisinko työnohjausajan?", None),
        ("sv", "Jag vill boka individuell handledning för mig själv.", "individual"),
        ("sv", "Vårt team behöver grupphandledning.", "group"),
        ("sv", "Jag är ny chef och skulle behöva ledarhandledning.", "leader"),
        ("en", "I'd like individual work supervision.", "individual"),
        ("en", "We would like team supervision for the whole team.", "group"),
        ("en", "HR recommended leadership supervision for me.", "leader"),
        ("en", "Thursdays would work best for me.", None),
    ],
)
def test_service(lang: str, text: str, want: str | None) -> None:
    assert fields.service(text.lower(), load(lang)) == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("fi", "Tapaamiset voisivat olla etänä Teamsin kautta.", "remote"),
        ("fi", "Tulisimme toimipisteellenne Tampereelle.", "onsite"),
        ("fi", "Puhelimitse tai etänä sopii.", "remote"),
        ("fi", "Onko etä- ja lähitapaamisilla eri hinta?", None),
        ("sv", "Vi ses gärna på distans via Teams.", "remote"),
        ("sv", "Det spelar ingen roll om vi ses på plats eller på distans.", None),
        ("en", "In person at your Helsinki office.", "onsite"),
        ("en", "A video call would be ideal.", "remote"),
    ],
)
def test_mode(lang: str, text: str, want: str | None) -> None:
    assert fields.mode(text.lower(), load(lang)) == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("fi", "paikan päällä oulussa sopis", "Oulu"),
        ("fi", "Tapaaminen Seinäjoella olisi paras.", "Seinäjoki"),
        ("fi", "Tulisimme toimipisteellenne Tampereelle.", "Tampere"),
        ("fi", "läsnätapaamisina Turun toimipisteessänne", "Turku"),
        ("fi", "Voisin tulla Lahdessa olevaan toimipisteeseenne.", "Lahti"),
        ("fi", "Vaasan Valimo Oy:n työyhteisö", None),
        ("en", "I was sent on an urgent trip to our customer's plant in Oulu.", None),
        ("fi", "Olen työmatkalla Oulussa koko viikon.", None),
        ("sv", "Jag är på tjänsteresa i Vasa hela veckan.", None),
        ("sv", "Vi kan komma till ert kontor i Åbo.", "Turku"),
        ("sv", "Träffen kunde vara i Helsingfors.", "Helsinki"),
        ("en", "We can come to your Espoo office.", "Espoo"),
    ],
)
def test_location(lang: str, text: str, want: str | None) -> None:
    assert fields.location(text, lang) == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("fi", "meidän tiimi (8 henkeä)", 8),
        ("fi", "meitä on 5 kuskia", 5),
        ("fi", "kahdentoista (12) työntekijän työyhteisölle", 12),
        ("fi", "olemme kuuden sairaanhoitajan ryhmä", 6),
        ("fi", "aloitin esihenkilönä ja vastaan nyt 14 hengen tiimistä", None),
        ("sv", "vårt team (6 personer)", 6),
        ("en", "there are eight of us, including me", 8),
    ],
)
def test_participants(lang: str, text: str, want: int | None) -> None:
    lex = load(lang)
    assert fields.count(text, lex, lex.PARTICIPANTS, skip=lex.LEADS) == want


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        # the stated total wins over the parts counted before it
        ("fi", "Ryhmään kuuluu 12 työntekijää. Johtaja osallistuu myös, joten osallistujia on yhteensä 13.", 13),
        ("fi", "rehtori, kuraattori ja kaksi luokanopettajaa, yhteensä seitsemän henkeä", 7),
        ("en", "We are 12 nurses and 2 doctors, 14 people in total.", 14),
        ("sv", "Vi är 6 sjukskötare och 2 läkare, totalt 8 personer.", 8),
        # the writer counts too when she names herself and the others
        ("fi", "Olemme minä ja neljä muuta nuorisotyönohjaajaa.", 5),
        ("sv", "Vi är jag och fyra kollegor.", 5),
        ("en", "It would be me and three colleagues.", 4),
        # the people the writer heads are no head count
        ("en", "I have just taken over as head of our research unit (11 people).", None),
    ],
)
def test_participants_totals_and_the_writer(lang: str, text: str, want: int | None) -> None:
    lex = load(lang)
    got = fields.count(text, lex, lex.PARTICIPANTS, skip=lex.LEADS, minimum=True, after=lex.LEADS_AFTER,
                       total=lex.TOTAL, with_writer=lex.WITH_WRITER)
    assert got == want


@pytest.mark.parametrize(
    ("lang", "text", "sessions", "cadence"),
    [
        ("fi", "toiveena olisi 5 kertaa, kerran kuussa", 5, "monthly"),
        ("fi", "kuusi tapaamista joka toinen viikko", 6, "biweekly"),
        ("fi", "tapaamisia olisi yhteensä kolme, ja ne pidettäisiin viikoittain", 3, "weekly"),
        ("sv", "fem träffar, varannan vecka", 5, "biweekly"),
        ("sv", "en serie på sex gånger, en gång i månaden", 6, "monthly"),
        ("en", "ten sessions, once a week", 10, "weekly"),
        ("fi", "mitä yksi käynti maksaa?", None, None),
        ("fi", "kahden viikon päästä", None, None),
    ],
)
def test_sessions_and_cadence(lang: str, text: str, sessions: int | None, cadence: str | None) -> None:
    lex = load(lang)
    assert fields.count(text, lex, lex.SESSIONS, minimum=True) == sessions
    assert fields.cadence(text, lex) == cadence


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("fi", "Haluaisimme jatkaa Aino Virtasen kanssa.", "Aino Virtanen"),
        ("fi", "Voisiko ohjaajana olla Mikko Laine?", "Mikko Laine"),
        ("sv", "Vi vill gärna ha Aino Virtanen som handledare.", "Aino Virtanen"),
        ("en", "A colleague recommended Aino Virtanen.", "Aino Virtanen"),
        ("fi", "Haluaisin varata ajan. Asun Jyväskylässä.", None),
        ("fi", "Kirjoitan Matti Korhosen puolesta.", None),
        ("fi", "Mielellään Mikko Laineelle, häneltä sain hyvää apua.", "Mikko Laine"),
        ("fi", "Kollegani kävi Aino Virtasella ja kehui häntä kovasti.", "Aino Virtanen"),
        ("en", "My colleague saw Aino Virtanen and praised her a lot.", "Aino Virtanen"),
        # a job title ending in -ohjaaja is no cue; "ohjaajaksi" is
        ("fi", "Työntekijämme, sosiaaliohjaaja Laura Mäkelä, toivoo ohjaajaksi Sanna Korhosta.", "Sanna Korhonen"),
    ],
)
def test_supervisor(lang: str, text: str, want: str | None) -> None:
    assert fields.supervisor(text, load(lang), set()) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Hei, haluaisin varata ajan ensi viikolle, kiitos.", "fi"),
        ("Hej, jag skulle vilja boka en tid nästa vecka. Tack!", "sv"),
        ("Hi, I would like to book a session next week. Thanks!", "en"),
        ("We would like to book team supervision (työnohjaus) for the whole team.", "en"),
        ("", "fi"),
    ],
)
def test_language(text: str, want: str) -> None:
    assert fields.detect_language(text) == want


def test_every_lexicon_validates_and_compiles() -> None:
    for lang in LANGUAGES:
        validate(lang, load(lang).module, compile_patterns=True)


def test_a_broken_lexicon_is_refused() -> None:
    import types

    broken = types.ModuleType("broken")
    broken.__dict__.update({k: v for k, v in vars(load("en").module).items() if k.isupper()})
    broken.WEEKDAYS = {0: ["monday"]}
    with pytest.raises(LexiconError, match="WEEKDAYS"):
        validate("xx", broken)
    broken.WEEKDAYS = load("en").WEEKDAYS
    broken.NEGATION = ["(unclosed"]
    with pytest.raises(LexiconError, match="bad pattern"):
        validate("xx", broken, compile_patterns=True)


@pytest.mark.parametrize(("lang", "text", "cadence", "want"), [
    ("fi", "ohjausta olisi kerran kuussa puolen vuoden ajan", "monthly", 6),
    ("en", "we are thinking of weekly sessions for six weeks", "weekly", 6),
    ("sv", "en gång i månaden i fyra månader", "monthly", 4),
    ("fi", "kerran kuussa", "monthly", None),
])
def test_sessions_that_follow_from_a_duration(lang: str, text: str, cadence: str, want: int | None) -> None:
    assert fields.sessions_from_duration(text, load(lang), cadence) == want


def test_a_bilingual_message_is_in_its_first_language() -> None:
    text = ("Hei,\n\nhaluaisimme ryhmätyönohjausta tiimillemme, ensi kuussa torstaisin sopisi meille.\n\n"
            "Hej,\n\nvi skulle vilja ha grupphandledning för vårt team, torsdagar i februari passar oss bäst "
            "och det vore bra om det kunde ske på distans via Teams.")
    assert fields.detect_language(text) == "fi"


def test_a_forward_is_answered_in_the_language_of_the_writers_own_words() -> None:
    from datetime import datetime
    from email.message import EmailMessage

    from mailbot.mail.reader import read_message
    from mailbot.understand import understand

    m = EmailMessage()
    m["From"] = "Leena Aaltonen <leena@example.fi>"
    m["To"] = "ajanvaraus@example.fi"
    m["Subject"] = "VL: Arbetshandledning"
    m["Date"] = "Tue, 16 Feb 2027 16:00:00 +0200"
    m.set_content(
        "Hei,\n\nvälitän alla työntekijämme Marin toiveen yksilötyönohjauksesta, hänen aikatoiveensa ovat alla.\n\n"
        "________________________________\nLähettäjä: Mari Nyström <mari@example.fi>\n"
        "Lähetetty: tiistai 16. helmikuuta 2027 15.48\nVastaanottaja: Leena Aaltonen <leena@example.fi>\n"
        "Aihe: Arbetshandledning\n\nHej Leena,\n\ntack för att du ordnar det här! Jag skulle helst träffa "
        "handledaren på distans. Onsdagar eller torsdagar förmiddag passar mig bäst.\n\nHälsningar\nMari\n")
    got = understand(read_message(m.as_bytes()), now=datetime.fromisoformat("2027-02-16T16:00:00+02:00"))
    assert (got.language, got.service, got.mode) == ("fi", "individual", "remote")  # the forward is read too
    assert got.windows and all(s.weekday() in (2, 3) and s.hour >= 8 and e.hour <= 12 for s, e in got.windows)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Joudun valitettavasti perumaan torstain 10.12. työnohjausajan, koska olen sairauslomalla.", "cancel"),
        ("I have to cancel Thursday's session because I'm on sick leave.", "cancel"),
        ("Kuka maksaa, jos peruutan ajan sairausloman takia?", "question"),
    ],
)
def test_a_cancel_with_its_reason_is_a_cancel(text: str, want: str) -> None:
    from datetime import datetime
    from email.message import EmailMessage

    from mailbot.mail.reader import read_message
    from mailbot.understand import understand

    m = EmailMessage()
    m["From"] = "a@example.fi"
    m["To"] = "ajanvaraus@example.fi"
    m["Subject"] = "työnohjaus"
    m.set_content(text)
    got = understand(read_message(m.as_bytes()), now=datetime.fromisoformat("2026-12-07T09:00:00+02:00"))
    assert got.intent == want


def _understand(text: str, subject: str = "työnohjaus", options: list | None = None):  # type: ignore[no-untyped-def]
    from datetime import datetime
    from email.message import EmailMessage

    from mailbot.mail.reader import read_message
    from mailbot.understand import understand

    m = EmailMessage()
    m["From"] = "a@example.fi"
    m["To"] = "ajanvaraus@example.fi"
    m["Subject"] = subject
    m.set_content(text)
    return understand(read_message(m.as_bytes()), now=datetime.fromisoformat("2027-01-26T09:00:00+02:00"),
                      options=options)


@pytest.mark.parametrize(
    "text",
    ["Nää on kaikki liian aikasin, pääsen vasta klo 14 jälkeen. Vk 5 tai 6",
     "These are all too early for me, I can only do afternoons.",
     "De är alla för tidiga, jag kan bara på eftermiddagen."],
)
def test_options_all_too_early_is_a_decline_with_new_times(text: str) -> None:
    from datetime import datetime

    from mailbot.understand.result import Option

    options = [Option(n, datetime.fromisoformat(f"2027-01-{27 + n}T08:00:00+02:00"),
                      datetime.fromisoformat(f"2027-01-{27 + n}T09:00:00+02:00")) for n in (1, 2)]
    got = _understand(text, "Re: työnohjaus", options)
    assert got.intent == "decline" and got.windows and not got.needs_review
    assert all(s.hour >= 12 for s, _ in got.windows)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a cancellation told as past is no cancel ("jouduimme perumaan", "avbokade vi redan")
        ("Haluaisin varata tiimilleni työnohjausta. Joulukuussa jouduimme perumaan tiimipalaverit kokonaan.", "request"),
        ("Vi har fått er faktura på tre handledningstillfällen. Ett av dem avbokade vi redan den 12.1, "
         "så det borde väl inte debiteras?", "question"),
        ("We'd like to book team supervision. We had to cancel our team meetings twice last month.", "request"),
    ],
)
def test_a_cancellation_told_as_past_is_no_cancel(text: str, want: str) -> None:
    assert _understand(text).intent == want


def test_sessions_with_a_price_are_billed_not_wanted() -> None:
    got = _understand("Vi har fått er faktura på 285 € för tre handledningstillfällen à 95 €. Stämmer det?")
    assert got.sessions is None
    assert _understand("Haluaisimme varata viisi tapaamista ryhmätyönohjausta.").sessions == 5


@pytest.mark.parametrize(
    ("text", "service", "mode"),
    [
        ("Vi måste tyvärr avboka vårt teams handledning tisdagen den 16 februari.", "group", None),
        ("Moi! Oon uus esimies meidän myymälässä ja kaipaisin työnohjausta.", "leader", None),
    ],
)
def test_service_from_the_team_genitive_and_spoken_roles(text: str, service: str, mode: str | None) -> None:
    got = _understand(text)
    assert (got.service, got.mode) == (service, mode)



@pytest.mark.parametrize(
    ("text", "field", "want"),
    [
        ("Tarvitsemme tiimille työnohjausta, remote Teamsissa, biweekly, yhteensä kuusi sessiota.", "cadence", "biweekly"),
        # a price asked, a booking asked in plain words: a request that staff see first
        ("Paljonko yksi kerta maksaa? Voisitteko samalla varata minulle ajan elokuun puolivälissä.", "intent", "request"),
        ("Jag är ny chef på vårt kontor i Helsingfors och behöver ledarhandledning. Kan vi köra det digitalt?",
         "mode", "remote"),
    ],
)
def test_more_field_phrasings(text: str, field: str, want: str) -> None:
    assert getattr(_understand(text), field) == want


def test_supervision_in_a_language_we_do_not_offer_goes_to_staff() -> None:
    got = _understand("Hello, is it possible to have individual work supervision in Spanish?")
    assert got.needs_review and "supervision wanted in another language (es)" in got.reasons


def test_a_confirmation_may_say_how_many_come() -> None:
    from datetime import datetime

    from mailbot.understand.result import Option

    options = [Option(1, datetime.fromisoformat("2027-02-02T13:00:00+02:00"), datetime.fromisoformat("2027-02-02T14:30:00+02:00")),
               Option(2, datetime.fromisoformat("2027-02-04T09:00:00+02:00"), datetime.fromisoformat("2027-02-04T10:30:00+02:00"))]
    got = _understand("4.2. sopii meille. Tulemme koko tiimin voimin, meitä on 7.", "Re: työnohjaus", options)
    assert (got.intent, got.choice, got.participants) == ("confirm", 2, 7)


@pytest.mark.parametrize("text", [
    "Kaksi työntekijäämme tarvitsisi yksilötyönohjausta, kumpikin omat tapaamisensa: Mika tiistaisin, Sari torstaisin.",
    "Two of our staff need individual supervision, each with their own sessions: Mika on Tuesdays, Sari on Thursdays.",
    "Två av oss behöver handledning, båda sina egna träffar: Mika på tisdagar, Sari på torsdagar.",
])
def test_several_people_each_with_their_own_sessions_go_to_staff(text: str) -> None:
    got = _understand(text)
    assert got.needs_review and "several people's wishes in one message" in got.reasons
