"""Every kind in every language renders from the shipped templates, with babel-formatted local times."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from mailbot.outbox.render import BUILTIN_TEMPLATES, KINDS, LANGUAGES, Renderer, RenderError, text_to_html
from tests.outbox.helpers import HELSINKI, context, local, sessions, utc

OPTION_KINDS = ("proposal", "reschedule", "hold_expired")
GREETING = {"fi": "Hei Anna Korhonen,", "sv": "Hej Anna Korhonen,", "en": "Hello Anna Korhonen,"}
CLOSING = {"fi": "Ystävällisin terveisin", "sv": "Med vänliga hälsningar", "en": "Kind regards"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_renders_in_every_language(renderer: Renderer, kind: str, language: str,
                                              caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        out = renderer.render(kind, language, **context(kind))
    assert not caplog.records, "a shipped template fell back to Finnish"
    assert out.language == language
    assert out.subject.endswith("[AV-7KQ3]") and "\n" not in out.subject
    assert out.text.startswith(GREETING[language] + "\n\n")
    assert out.text.endswith(f"{CLOSING[language]}\nAjanvaraus\nEsimerkki Työterveys Oy\n")
    assert "\n\n\n" not in out.text and not re.search(r"[ \t]\n", out.text)
    for leftover in ("None", "Undefined", "{{", "{%", "[]"):
        assert leftover not in out.text and leftover not in out.subject
    assert out.html.startswith("<!DOCTYPE html>") and f'<html lang="{language}">' in out.html
    assert f"<p>{GREETING[language]}</p>" in out.html
    if kind in OPTION_KINDS:
        numbered = re.findall(r"^(\d)\) ", out.text, re.MULTILINE)
        assert numbered == ["1", "2", "3"]


@pytest.mark.parametrize(("language", "subject"), [
    ("fi", "Työnohjausaika [AV-7KQ3]"), ("sv", "Handledningstid [AV-7KQ3]"),
    ("en", "Supervision appointment [AV-7KQ3]")])
def test_proposal_subject_carries_the_reference(renderer: Renderer, language: str, subject: str) -> None:
    assert renderer.render("proposal", language, **context("proposal")).subject == subject


def test_finnish_proposal_lines(renderer: Renderer) -> None:
    text = renderer.render("proposal", "fi", **context("proposal")).text
    assert "1) ti 1.12.2026 klo 14.00–15.00, Aino Virtanen, etänä\n" in text
    assert "   sarjan seuraavat kerrat samalla työnohjaajalla:\n   – ti 29.12.2026 klo 14.00–15.00\n" \
           "   – ti 26.1.2027 klo 14.00–15.00\n" in text
    assert "2) to 3.12.2026 klo 10.00–11.30, Mikko Laine, Kauppakatu 12 B, Helsinki\n" in text
    # given in UTC, written in Helsinki time after the change to summer time
    assert "3) ma 29.3.2027 klo 9.00–10.00, Aino Virtanen\n" in text
    assert "(esimerkiksi ”vaihtoehto 2”)" in text
    assert "Pidämme ajat varattuina sinulle 48 tunnin ajan." in text


def test_swedish_proposal_lines(renderer: Renderer) -> None:
    text = renderer.render("proposal", "sv", **context("proposal")).text
    assert "1) tis 1.12.2026 kl. 14.00–15.00, Aino Virtanen, på distans\n" in text
    assert "   – tis 29.12.2026 kl. 14.00–15.00\n" in text
    assert "2) tors 3.12.2026 kl. 10.00–11.30, Mikko Laine, Kauppakatu 12 B, Helsinki\n" in text
    assert "3) mån 29.3.2027 kl. 9.00–10.00, Aino Virtanen\n" in text
    assert "(till exempel ”alternativ 2”)" in text and "i 48 timmar." in text


def test_english_proposal_lines(renderer: Renderer) -> None:
    text = renderer.render("proposal", "en", **context("proposal")).text
    assert "1) Tue 1 Dec 2026, 14:00–15:00, Aino Virtanen, remote\n" in text
    assert "   – Tue 29 Dec 2026, 14:00–15:00\n" in text
    assert "2) Thu 3 Dec 2026, 10:00–11:30, Mikko Laine, Kauppakatu 12 B, Helsinki\n" in text
    assert "3) Mon 29 Mar 2027, 09:00–10:00, Aino Virtanen\n" in text
    assert "(for example “option 2”)" in text and "for 48 hours." in text


def test_one_hour_hold_is_singular(renderer: Renderer) -> None:
    ctx = {**context("proposal"), "hold_hours": 1}
    assert "i 1 timme." in renderer.render("proposal", "sv", **ctx).text
    assert "for 1 hour." in renderer.render("proposal", "en", **ctx).text


def test_nine_o_clock_on_both_sides_of_the_dst_change(renderer: Renderer) -> None:
    """Thu 25.3.2027 09:00 is 07:00 UTC, Mon 29.3.2027 09:00 is 06:00 UTC: both read 'klo 9.00'."""
    opts = [{"n": 1, "start": utc(2027, 3, 25, 7), "end": utc(2027, 3, 25, 8), "supervisor": "Aino Virtanen"},
            {"n": 2, "start": utc(2027, 3, 29, 6), "end": utc(2027, 3, 29, 7), "supervisor": "Aino Virtanen"}]
    text = renderer.render("proposal", "fi", **{**context("proposal"), "options": opts}).text
    assert "1) to 25.3.2027 klo 9.00–10.00, Aino Virtanen\n" in text
    assert "2) ma 29.3.2027 klo 9.00–10.00, Aino Virtanen\n" in text


def test_finnish_weekday_abbreviations(renderer: Renderer) -> None:
    monday = local(2026, 11, 30, 12)
    week = [{"n": i + 1, "start": monday + timedelta(days=i), "end": monday + timedelta(days=i, hours=1),
             "supervisor": "Aino Virtanen"} for i in range(7)]
    text = renderer.render("proposal", "fi", **{**context("proposal"), "options": week}).text
    days = re.findall(r"^\d\) (\w+) ", text, re.MULTILINE)
    assert days == ["ma", "ti", "ke", "to", "pe", "la", "su"]


def test_filters_directly(tmp_path: Path) -> None:
    (tmp_path / "fi").mkdir()
    (tmp_path / "fi" / "probe.txt.j2").write_text(
        "Subject: {{ when|date }} / {{ when|time }} / {{ when|datetime }} / {{ day|date }}\n\n"
        "{{ when|slot(until) }} | {{ late|slot }}\n")
    r = Renderer(tmp_path, HELSINKI)
    late = {"start": local(2026, 12, 1, 22), "end": local(2026, 12, 2, 1)}
    out = r.render("probe", "fi", when=utc(2026, 12, 1, 12), until=utc(2026, 12, 1, 13), day=date(2026, 12, 24),
                   late=late)
    assert out.subject == "ti 1.12.2026 / 14.00 / ti 1.12.2026 klo 14.00 / to 24.12.2026"
    # past midnight the end says which day
    assert out.text == "ti 1.12.2026 klo 14.00–15.00 | ti 1.12.2026 klo 22.00–ke 2.12.2026 klo 1.00\n"


def test_confirmation_of_a_series_numbers_the_sessions(renderer: Renderer) -> None:
    series = [{**sessions()[0], "start": local(2026, 12, d, 14), "end": local(2026, 12, d, 15)} for d in (1, 15, 29)]
    out = renderer.render("confirmation", "fi", **{**context("confirmation"), "sessions": series})
    assert "1. ti 1.12.2026 klo 14.00–15.00, Aino Virtanen, etänä\n2. ti 15.12.2026" in out.text
    assert out.subject == "Työnohjausaika vahvistettu: ti 1.12.2026 klo 14.00–15.00 [AV-7KQ3]"
    assert "Etäyhteys: https://teams.example.fi/l/meetup/abc" in out.text


def test_moved_confirmation_says_so(renderer: Renderer) -> None:
    out = renderer.render("confirmation", "en", **{**context("confirmation"), "moved": True})
    assert "Your appointment has been moved. The new time is:" in out.text


def test_optional_keys_may_be_left_out(renderer: Renderer) -> None:
    """The booking code passes options without mode or location, and sessions without a link."""
    bare = [{"n": 1, "start": local(2026, 12, 1, 14), "end": local(2026, 12, 1, 15), "supervisor": "Aino Virtanen"}]
    ctx = {"name": None, "reference": "AV-7KQ3", "signature": "Ajanvaraus", "options": bare, "hold_hours": 48}
    out = renderer.render("reschedule", "fi", **ctx)
    assert out.text.startswith("Hei,\n\n")
    assert "1) ti 1.12.2026 klo 14.00–15.00, Aino Virtanen\n" in out.text
    assert "siirrettävän aikasi tilalle" in out.text
    confirmation = renderer.render("confirmation", "sv", name=None, reference="AV-7KQ3", signature="Ajanvaraus",
                                   sessions=[{k: v for k, v in bare[0].items() if k != "n"}])
    assert "tis 1.12.2026 kl. 14.00–15.00, Aino Virtanen\n" in confirmation.text


def test_reminder_subject_names_the_hour(renderer: Renderer) -> None:
    assert renderer.render("reminder", "fi", **context("reminder")).subject == \
        "Muistutus: työnohjaus huomenna klo 14.00 [AV-7KQ3]"
    assert renderer.render("reminder", "en", **context("reminder")).subject == \
        "Reminder: supervision tomorrow at 14:00 [AV-7KQ3]"


def test_unknown_language_falls_back_to_finnish(renderer: Renderer, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mailbot.outbox.render"):
        out = renderer.render("proposal", "de", **context("proposal"))
    assert out.language == "fi" and out.subject == "Työnohjausaika [AV-7KQ3]"
    assert "1) ti 1.12.2026 klo 14.00–15.00" in out.text  # Finnish dates too, not German ones
    assert "no proposal template for language 'de'" in caplog.text


def test_missing_template_falls_back_to_finnish(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "email" / "fi").mkdir(parents=True)
    (tmp_path / "email" / "sv").mkdir()
    (tmp_path / "email" / "fi" / "acknowledgement.txt.j2").write_text("Subject: Kiitos [{{ reference }}]\n\nHei\n")
    with caplog.at_level(logging.WARNING, logger="mailbot.outbox.render"):
        out = Renderer(tmp_path, HELSINKI).render("acknowledgement", "sv", reference="AV-7KQ3")
    assert (out.language, out.subject, out.text) == ("fi", "Kiitos [AV-7KQ3]", "Hei\n")
    assert "writing it in Finnish" in caplog.text


def test_no_template_at_all_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="no e-mail template fi/proposal.txt.j2"):
        Renderer(tmp_path, HELSINKI).render("proposal", "fi")


def test_a_missing_context_value_fails_loudly(renderer: Renderer) -> None:
    ctx = context("proposal")
    del ctx["hold_hours"]
    with pytest.raises(RenderError, match="'hold_hours' is undefined"):
        renderer.render("proposal", "fi", **ctx)


def test_a_typo_in_a_template_fails_loudly(tmp_path: Path) -> None:
    (tmp_path / "fi").mkdir()
    (tmp_path / "fi" / "proposal.txt.j2").write_text("Subject: Aika [{{ refrence }}]\n\nHei\n")
    (tmp_path / "fi" / "reminder.txt.j2").write_text("Subject: x\n\n{% if %}\n")
    r = Renderer(tmp_path, HELSINKI)
    with pytest.raises(RenderError, match="'refrence' is undefined"):
        r.render("proposal", "fi", reference="AV-7KQ3")
    with pytest.raises(RenderError, match=r"reminder.txt.j2, line 3"):
        r.render("reminder", "fi")


def test_the_first_line_must_be_the_subject(tmp_path: Path) -> None:
    (tmp_path / "fi").mkdir()
    (tmp_path / "fi" / "proposal.txt.j2").write_text("Hei\n\nSubject: myöhässä\n")
    with pytest.raises(RenderError, match="first line must be 'Subject: …'"):
        Renderer(tmp_path, HELSINKI).render("proposal", "fi")


def test_a_time_without_zone_is_refused(renderer: Renderer) -> None:
    ctx = {**context("reminder"), "sessions": [{**sessions()[0], "start": datetime(2026, 12, 1, 14)}]}
    with pytest.raises(RenderError, match="without a zone"):
        renderer.render("reminder", "fi", **ctx)


def test_text_is_not_escaped_and_html_is(renderer: Renderer) -> None:
    ctx = {**context("acknowledgement"), "name": "Anna & <Bertil>"}
    out = renderer.render("acknowledgement", "en", **ctx)
    assert out.text.startswith("Hello Anna & <Bertil>,")
    assert "<p>Hello Anna &amp; &lt;Bertil&gt;,</p>" in out.html


def test_an_operators_html_template_is_used_and_autoescaped(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "acknowledgement.txt.j2").write_text("Subject: Thanks [{{ reference }}]\n\nHello {{ name }}\n")
    (tmp_path / "en" / "acknowledgement.html.j2").write_text(
        "<html><body><h1>{{ subject }}</h1><p>Hello {{ name }}</p></body></html>\n")
    out = Renderer(tmp_path, HELSINKI).render("acknowledgement", "en", reference="AV-7KQ3", name="A & B")
    assert out.text == "Hello A & B\n"
    assert out.html == "<html><body><h1>Thanks [AV-7KQ3]</h1><p>Hello A &amp; B</p></body></html>"


def test_defaults_fill_the_signature() -> None:
    r = Renderer(BUILTIN_TEMPLATES, HELSINKI, defaults={"signature": "Bokningen\nExempel Företagshälsa Ab"})
    ctx = context("acknowledgement")
    del ctx["signature"]
    assert r.render("acknowledgement", "sv", **ctx).text.endswith("Med vänliga hälsningar\nBokningen\n"
                                                                  "Exempel Företagshälsa Ab\n")


def test_text_to_html_keeps_paragraphs_lines_and_indents() -> None:
    html = text_to_html("Hei,\n\n1) a\n   – b\n\nLoppu & kiitos\n", subject="S <1>", language="fi")
    assert "<title>S &lt;1&gt;</title>" in html
    assert "<p>Hei,</p>\n<p>1) a<br>\n&nbsp;&nbsp;&nbsp;– b</p>\n<p>Loppu &amp; kiitos</p>" in html


def test_every_shipped_template_exists() -> None:
    folder = BUILTIN_TEMPLATES / "email"
    for language in LANGUAGES:
        assert (folder / language / "_macros.j2").is_file()
        for kind in KINDS:
            assert (folder / language / f"{kind}.txt.j2").is_file(), f"{language}/{kind}.txt.j2"
