"""`POST /api/contacts/import/`: CSV upload with a per-row error report; valid rows are
written, every rejected row is reported with its row number, column and reason."""

import io

from sqlalchemy import func, select

from crm_common.models import Contact


async def upload(client, tenant, text: str | bytes, **form):
    data = text.encode() if isinstance(text, str) else text
    files = {"file": ("contacts.csv", io.BytesIO(data), "text/csv")}
    return await client.post("/api/contacts/import/", files=files, data=form, headers=tenant.admin)


async def _count(db, tenant) -> int:
    async with db.tenant_session(tenant.company.id) as session:
        return (await session.execute(select(func.count()).select_from(Contact))).scalar_one()


CSV = """external_id,email,phone,country,interests,attributes.tier,attributes.ltv,consent.email,consent_sms
R1,ann@example.com,+4712345678,no,ski|fishing,gold,120.5,yes,no
R2,not-an-email,+4712345679,NO,,silver,3,yes,
R3,bob@example.com,,XX,,,,maybe,
R4,cy@example.com,+4712345680,NO,,,,,
R1,dup@example.com,,NO,,,,,
,nobody@example.com,,NO,,,,,
R5,too,few,cells
"""


async def test_bad_rows_are_reported_by_row_number_and_column(client, db, acme) -> None:
    response = await upload(client, acme, CSV)

    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["rows"], report["created"], report["failed"]) == (7, 2, 5)
    errors = {(e["row"], e["column"]) for e in report["errors"]}
    assert errors == {
        (3, "email"),
        (4, "country"),
        (4, "consent.email"),
        (6, "external_id"),
        (7, "external_id"),
        (8, None),
    }
    messages = {e["row"]: e["message"] for e in report["errors"]}
    assert "repeats the external_id of row 2" in messages[6]
    assert "4 cells" in messages[8]
    assert await _count(db, acme) == 2
    ann = (await client.get("/api/contacts/?external_id=R1", headers=acme.admin)).json()["items"][0]
    assert ann["country"] == "NO"
    assert ann["interests"] == ["ski", "fishing"]
    assert ann["attributes"] == {"tier": "gold", "ltv": 120.5}
    assert ann["consent"] == {"email": True, "sms": False}
    assert ann["consented_channels"] == ["email"]


async def test_every_problem_of_a_row_is_reported_once_per_row(client, acme) -> None:
    text = "external_id,email,country\nR1,bad,XX\n"
    report = (await upload(client, acme, text)).json()
    assert report["failed"] == 1
    assert {(e["row"], e["column"]) for e in report["errors"]} == {(2, "email"), (2, "country")}


async def test_import_updates_existing_contacts(client, acme) -> None:
    await upload(client, acme, "external_id,city\nR1,Oslo\nR2,Bergen\n")
    report = (
        await upload(client, acme, "external_id,city\nR1,Oslo\nR2,Trondheim\nR3,Tromsø\n")
    ).json()
    assert (report["created"], report["updated"], report["unchanged"]) == (1, 1, 1)


async def test_semicolons_bom_and_quoted_cells(client, acme) -> None:
    text = (
        "\ufeffexternal_id;city;attributes\n"
        'R1;"Sankt; Petersburg";"{""a"": 1}"\n'
        'R2;"two\nlines";\n'
        "R3;Oslo;[1]\n"
    )
    report = (await upload(client, acme, text)).json()
    assert report["created"] == 1, report
    assert [(e["row"], e["line"], e["column"]) for e in report["errors"]] == [
        (3, 4, "city"),
        (4, 5, "attributes"),
    ]
    contact = (await client.get("/api/contacts/?external_id=R1", headers=acme.admin)).json()[
        "items"
    ][0]
    assert contact["city"] == "Sankt; Petersburg"
    assert contact["attributes"] == {"a": 1}


async def test_unknown_or_missing_columns_refuse_the_file(client, db, acme) -> None:
    unknown = await upload(client, acme, "external_id,email,password\nR1,a@example.com,x\n")
    missing = await upload(client, acme, "email\na@example.com\n")
    repeated = await upload(
        client, acme, "external_id,email,Email\nR1,a@example.com,b@example.com\n"
    )
    for response in (unknown, missing, repeated):
        assert response.status_code == 422
        assert response.json()["error_code"] == "import_file_invalid"
    assert unknown.json()["details"]["unknown_columns"] == ["password"]
    assert repeated.json()["details"]["repeated_columns"] == ["Email"]
    assert await _count(db, acme) == 0


async def test_empty_and_non_utf8_files_are_refused(client, db, acme) -> None:
    for content in (b"", b"\n\n", "external_id,city\nR1,Z\xfcrich\n".encode("latin-1")):
        response = await upload(client, acme, content)
        assert response.status_code == 422, content
        assert response.json()["error_code"] == "import_file_invalid"
    assert await _count(db, acme) == 0


async def test_blank_lines_are_reported_not_dropped(client, acme) -> None:
    report = (await upload(client, acme, "external_id,city\nR1,Oslo\n\nR2,Bergen\n")).json()
    assert (report["rows"], report["created"], report["failed"]) == (3, 2, 1)
    assert report["errors"][0]["row"] == 3
    assert report["errors"][0]["message"] == "the row is empty"


async def test_file_larger_than_one_chunk_is_fully_imported(client, db, acme) -> None:
    lines = ["external_id,email,consent.email"]
    lines += [f"B{i:05d},b{i}@example.com,{'yes' if i % 2 else 'no'}" for i in range(4500)]
    lines.insert(3001, "BAD,not-an-email,yes")
    report = (await upload(client, acme, "\n".join(lines) + "\n")).json()
    assert (report["rows"], report["created"], report["failed"]) == (4501, 4500, 1)
    assert report["errors"][0]["row"] == 3002
    assert await _count(db, acme) == 4500
    consenting = (
        await client.get("/api/contacts/?consent=email&page_size=1", headers=acme.admin)
    ).json()
    assert consenting["total"] == 2250


async def test_error_list_is_capped_but_counts_are_exact(client, acme) -> None:
    lines = ["external_id,email"] + [f"E{i},broken" for i in range(1200)]
    report = (await upload(client, acme, "\n".join(lines))).json()
    assert report["failed"] == 1200
    assert len(report["errors"]) == 1000
    assert report["errors_truncated"] is True


async def test_import_needs_a_file_and_permission(client, acme) -> None:
    no_file = await client.post("/api/contacts/import/", headers=acme.admin)
    assert no_file.status_code == 422
    files = {"file": ("c.csv", io.BytesIO(b"external_id\nA\n"), "text/csv")}
    denied = await client.post("/api/contacts/import/", files=files, headers=acme.analyst)
    assert denied.status_code == 403
