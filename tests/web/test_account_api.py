"""The account API and pages: only the caller's data, the bot's validation, place search."""

from __future__ import annotations

import uuid

from .conftest import Site

ANN, BOB = 6001, 6002
CSRF = {"X-Requested-With": "fetch"}
EN = {"Accept-Language": "en", **CSRF}


async def test_a_user_sees_only_their_own_charts(site: Site) -> None:
    await site.add_user(ANN, "Ann")
    await site.add_user(BOB, "Bob")
    ann_chart = await site.add_chart(ANN, "Ann", pdf=b"%PDF-1.7 ann")
    bob_chart = await site.add_chart(BOB, "Bob")
    async with site.client() as ann:
        await site.login(ann, ANN)
        listed = (await ann.get("/api/charts")).json()
        assert [c["id"] for c in listed] == [ann_chart]
        assert listed[0]["name"] == "Ann" and listed[0]["sun"] == "taurus" and listed[0]["has_pdf"] is True

        own = await ann.get(f"/api/charts/{ann_chart}")
        assert own.status_code == 200
        assert own.json()["data"]["birth"]["place"] == "Moscow, Russia"
        assert own.json()["data"]["chart"]["bodies"][0]["id"] == "sun"

        other = await ann.get(f"/api/charts/{bob_chart}")
        missing = await ann.get(f"/api/charts/{uuid.uuid4()}")
        assert other.status_code == missing.status_code == 404
        assert other.json() == missing.json()  # another user's chart looks exactly like no chart
        assert (await ann.get(f"/api/charts/{bob_chart}/pdf")).status_code == 404
        assert (await ann.get(f"/charts/{bob_chart}")).status_code == 404
        assert (await ann.get(f"/charts/{bob_chart}/report.pdf")).status_code == 404


async def test_the_pdf_of_a_chart_downloads_for_its_owner(site: Site) -> None:
    await site.add_user(ANN)
    chart_id = await site.add_chart(ANN, pdf=b"%PDF-1.7 ann")
    async with site.client() as ann:
        await site.login(ann, ANN)
        response = await ann.get(f"/api/charts/{chart_id}/pdf")
        assert response.status_code == 200 and response.content == b"%PDF-1.7 ann"
        assert response.headers["content-type"] == "application/pdf"
        assert "attachment" in response.headers["content-disposition"]
        page = await ann.get(f"/charts/{chart_id}/report.pdf")
        assert page.status_code == 200 and page.content == b"%PDF-1.7 ann"


async def test_profile_edits_use_the_bots_validation_and_save_all_or_nothing(site: Site) -> None:
    await site.add_user(ANN, "Ann")
    async with site.client() as client:
        await site.login(client, ANN)
        bad = await client.patch(
            "/api/me", json={"name": "Ann Lee", "birth_date": "31.02.1990", "birth_time": "25:00"}, headers=EN
        )
        assert bad.status_code == 422
        problems = {e["field"]: e for e in bad.json()["errors"]}
        assert problems["birth_date"]["code"] == "date_impossible"
        assert (
            problems["birth_date"]["message"]
            == "That date does not exist. Please check the day and the month."
        )
        assert problems["birth_time"]["code"] == "time_impossible"
        assert bad.json()["error"] == problems["birth_date"]["message"]
        me = (await client.get("/api/me")).json()
        assert me["name"] is None and me["birth_date"] is None  # nothing saved

        cases = {
            "birth_date": ("15-5", "date_format"),
            "name": ("x" * 65, "name_length"),
            "place": ("Qwxzqwxz", "place_unknown"),
        }
        for field, (value, code) in cases.items():
            answer = await client.patch("/api/me", json={field: value}, headers=EN)
            assert answer.status_code == 422, field
            assert answer.json()["errors"][0]["code"] == code
        future = await client.patch("/api/me", json={"birth_date": "01.01.2999"}, headers=EN)
        assert future.json()["errors"][0]["code"] in {"date_future", "year_range"}
        russian = await client.patch(
            "/api/me", json={"birth_date": "99.99.1990"}, headers={**CSRF, "Accept-Language": "ru"}
        )
        assert russian.json()["error"].startswith("Такой даты не существует")

        good = await client.patch(
            "/api/me",
            json={
                "name": "  Ann   Lee ",
                "birth_date": "1990-05-15",
                "birth_time": "14:30",
                "place": "London, GB",
            },
            headers=EN,
        )
        assert good.status_code == 200, good.text
        me = good.json()
        assert me["name"] == "Ann Lee" and me["birth_date"] == "1990-05-15" and me["birth_time"] == "14:30"
        assert me["timezone"] == "Europe/London" and me["complete"] is True and me["missing"] == []

        unknown_time = await client.patch("/api/me", json={"birth_time_unknown": True}, headers=EN)
        assert unknown_time.json()["birth_time_known"] is False and unknown_time.json()["birth_time"] is None


async def test_an_ambiguous_place_offers_a_choice(site: Site) -> None:
    await site.add_user(ANN)
    async with site.client() as client:
        await site.login(client, ANN)
        answer = await client.patch("/api/me", json={"place": "Moscow"}, headers=EN)
        assert answer.status_code == 422
        assert answer.json()["errors"][-1]["code"] == "place_choose"
        choices = answer.json()["choices"]
        assert len(choices) >= 2 and choices[0]["name"] == "Moscow, Russia"
        idaho = next(c for c in choices if "Idaho" in c["name"])
        chosen = await client.patch("/api/me", json={"place_id": idaho["id"]}, headers=EN)
        assert chosen.status_code == 200
        assert chosen.json()["timezone"] == "America/Los_Angeles"
        stale = await client.patch("/api/me", json={"place_id": 999_999_999}, headers=EN)
        assert stale.status_code == 422 and stale.json()["errors"][0]["code"] == "place_choice_stale"


async def test_cookie_sessions_need_the_csrf_header_to_change_data_and_bearer_does_not(site: Site) -> None:
    await site.add_user(ANN)
    async with site.client() as client:
        token = await site.login(client, ANN)
        assert (await client.patch("/api/me", json={"name": "Eve"})).status_code == 403
        cross = await client.patch(
            "/api/me", json={"name": "Eve"}, headers={**CSRF, "Sec-Fetch-Site": "cross-site"}
        )
        assert cross.status_code == 403
        client.cookies.clear()
        bearer = await client.patch(
            "/api/me", json={"name": "Ann"}, headers={"Authorization": f"Bearer {token}"}
        )
        assert bearer.status_code == 200 and bearer.json()["name"] == "Ann"


async def test_place_search(site: Site) -> None:
    async with site.client() as client:
        russian = (await client.get("/api/places", params={"q": "Москва"})).json()
        assert russian[0] == {
            "id": 524901,
            "name": "Москва, Россия",
            "lat": russian[0]["lat"],
            "lon": russian[0]["lon"],
            "timezone": "Europe/Moscow",
        }
        english = (await client.get("/api/places", params={"q": "paris", "lang": "en"})).json()
        assert english[0]["name"] == "Paris, France"
        assert (await client.get("/api/places", params={"q": "a"})).json() == []
        assert (await client.get("/api/places")).json() == []
        assert (await client.get("/api/places", params={"q": "x" * 201})).status_code == 422


async def test_pages_need_a_session_and_show_the_users_data(site: Site) -> None:
    await site.add_user(ANN, "Ann")
    chart_id = await site.add_chart(ANN, "Ann Lee")
    async with site.client() as client:
        redirect = await client.get("/profile")
        assert redirect.status_code == 303 and redirect.headers["location"] == "/login?next=/profile"
        assert (await client.get("/")).status_code == 200
        login_page = await client.get("/login?code=abc&lang=en")
        assert login_page.status_code == 200 and 'value="abc"' in login_page.text
        assert "Log in with Telegram" in login_page.text and "lang=en" in login_page.headers["set-cookie"]
        assert "script-src 'self'" in login_page.headers["content-security-policy"]

        await site.login(client, ANN)
        assert (await client.get("/login")).status_code == 303  # already logged in
        profile = await client.get("/profile")
        assert profile.status_code == 200 and "Ann" in profile.text
        charts = await client.get("/charts")
        assert f"/charts/{chart_id}" in charts.text and "Ann Lee" in charts.text
        page = await client.get(f"/charts/{chart_id}")  # English: the cookie from ?lang=en above
        assert page.status_code == 200
        assert "<svg" in page.text and 'id="positions"' in page.text and 'id="aspects"' in page.text
        assert "Sun" in page.text and "Natal chart" in page.text
        russian = await client.get(f"/charts/{chart_id}?lang=ru")
        assert "Солнце" in russian.text and "Натальная карта" in russian.text
        assert (await client.get("/charts/not-a-uuid")).status_code == 404
