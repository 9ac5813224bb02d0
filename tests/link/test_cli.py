"""`mee-archive link` and `eval-links` on JSON Lines files."""

import json

from mee_archive.cli import main


def _write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_link_then_eval_links(tmp_path, english, chinese, ex, capsys):
    en = _write(tmp_path / "en.jsonl", english)
    zh_a = _write(tmp_path / "zh_a.jsonl", chinese[:4])
    zh_b = _write(tmp_path / "zh_b.jsonl", chinese[4:])
    out = tmp_path / "out" / "links.jsonl"
    assert main(["link", "--english", str(en), "--chinese", str(zh_a), "--chinese", str(zh_b),
                 "--output", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["url"] for r in records] == [e["url"] for e in english]
    assert records[0]["zh_url"] == ex.china_rok_zh["url"]
    assert set(records[0]) == {"url", "zh_url", "candidate_url", "zh_status", "score", "evidence"}
    assert "linked 3" in capsys.readouterr().out

    truth = _write(tmp_path / "truth.jsonl", [
        {"url": ex.china_rok_en["url"], "zh_url": ex.china_rok_zh["url"]},
        {"url": ex.meeting_en["url"], "zh_url": ex.meeting_zh["url"]},
        {"url": ex.other_meeting_en["url"], "zh_url": ex.other_meeting_zh["url"]},
        {"url": ex.cenews_en["url"], "zh_url": None},
    ])
    assert main(["eval-links", "--links", str(out), "--truth", str(truth)]) == 0
    assert "precision 1.0000  recall 1.0000  F1 1.0000" in capsys.readouterr().out


def test_bad_input_is_one_line_error(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"url": "http://e/1"}\nnot json\n', encoding="utf-8")
    assert main(["link", "--english", str(bad), "--chinese", str(bad), "--output", str(tmp_path / "o")]) == 2
    assert "bad.jsonl:2: not JSON" in capsys.readouterr().err
    assert main(["eval-links", "--links", str(tmp_path / "missing.jsonl"), "--truth", str(bad)]) == 2
    assert "cannot read" in capsys.readouterr().err
