#!/usr/bin/env python3
"""Buckets PolNeAR TRAIN speaker errors by how CIS Lens attributed the quote (speaker.how).

usage: speaker_errors.py PRED.json GOLD_DIR [--show HOW|none|all|CLASS] [--limit N] [--type direct|mixed]

Matches gold and predicted quotes the way ../shared/eval/score_quotes.py does (first predicted quote that
overlaps a direct gold quote by half both ways, or lies inside a mixed one) and judges the speaker the same
way (span overlap, or the same last word). Prints, per `how`, quotes right / wrong, and the quotes with no
speaker; with --show, the wrong (or unattributed) cases of one bucket with their sentence, to read.

Each wrong answer also gets a class (`wrong_class`), decided from the gold and the text alone, never by hand:
  relay      our speaker is named inside the gold content (any part of the same gold attribution), outside the
             quote: PolNeAR gives the outer source
             ("“…,” Sanders said, according to CNN" -> CNN; "According to ProPublica, Clinton praised …"),
             where our contract (issue 13 item 2) names the inner speaker with the outlet as intermediary;
  swapped    the gold source is a speech verb and its cue holds our speaker (an annotation with source and
             cue swapped: source 'said', cue 'Jillian Soto');
  antecedent the gold source is a relative pronoun (who, which, that) and our speaker is the name it refers
             to, within 80 characters before it ("said Weaver, who said …");
  real       everything else: our error.
The summary prints the classes and the accuracy and named-speaker precision if the first three were
counted right (what the figures would be under our contract).
Only for the train split: PolNeAR's dev and test splits are reserved.
"""
import collections, json, os, re, sys


def last_word(s):
    w = [x for x in (s or "").replace("’", "'").replace("'s", "").split() if x[:1].isalnum()]
    return w[-1].casefold().strip(".,") if w else ""


def judge(sp, gq):
    span_ok = ("start" in sp and gq.get("speaker_start") is not None and
               sp["start"] < gq["speaker_end"] and gq["speaker_start"] < sp["end"])
    name_ok = bool(sp.get("name")) and last_word(sp.get("name")) in {last_word(gq.get("speaker_head")), last_word(gq.get("speaker"))}
    return span_ok or name_ok


def cases(pred, gdir, only_type=None):
    for f in pred["files"]:
        stem = os.path.basename(f["path"])[:-4]
        gp = os.path.join(gdir, stem + ".gold.json")
        if not os.path.exists(gp):
            continue
        gold = json.load(open(gp, encoding="utf-8"))["quotes"]
        text = open(os.path.join(gdir, stem + ".txt"), encoding="utf-8").read()
        pq = f.get("quotes", [])
        for gq in gold:
            if gq["type"] not in ("direct", "mixed") or (only_type and gq["type"] != only_type):
                continue
            hit = None
            for q in pq:
                if gq["type"] == "direct":
                    ov = min(q["end"], gq["end"]) - max(q["start"], gq["start"])
                    ok = ov >= 0.5 * (gq["end"] - gq["start"]) and ov >= 0.5 * (q["end"] - q["start"])
                else:
                    ok = gq["start"] <= q["start"] and q["end"] <= gq["end"]
                if ok:
                    hit = q
                    break
            if hit is None or gq.get("speaker") is None:
                continue
            sp = hit.get("speaker") or {}
            named = bool(sp.get("name") or "start" in sp)
            how = sp.get("how", "none") if named else "none"
            verdict = "right" if judge(sp, gq) else ("wrong" if named else "none")
            parts = [g for g in gold if g.get("attribution_id") == gq.get("attribution_id")] if gq.get("attribution_id") else [gq]
            yield dict(file=stem, text=text, gold=gq, parts=parts, pred=hit, how=how, verdict=verdict, uncertain="uncertain" in sp,
                       entities=f.get("entities", []))


SPEECH_VERB_SOURCE = re.compile(r"^(?:said|says|told|tells|wrote|writes|added|asked|explained|noted)\b", re.I)


def wrong_class(c):
    """Why a wrong answer is wrong: relay, swapped, antecedent (PolNeAR conventions or gold slips) or real."""
    g, q, text = c["gold"], c["pred"], c["text"]
    sp = q.get("speaker") or {}
    if "start" not in sp:
        return "real"
    inside_gold = any(p["start"] <= sp["start"] and sp["end"] <= p["end"] for p in c.get("parts", [g]))
    inside_quote = q["start"] <= sp["start"] < q["end"]
    if inside_gold and not inside_quote:
        return "relay"
    ours = last_word(sp.get("name"))
    if SPEECH_VERB_SOURCE.match((g.get("speaker") or "").strip()) and ours and ours in last_words(g.get("cue")):
        return "swapped"
    if (g.get("speaker") or "").strip().lower() in ("who", "which", "that") and g.get("speaker_start") is not None:
        window = text[max(0, g["speaker_start"] - 80):g["speaker_start"]]
        if ours and ours in last_words(window):
            return "antecedent"
    return "real"


def last_words(s):
    return {w.casefold().strip(".,") for w in (s or "").replace("’", "'").replace("'s", "").split()}


def context(c):
    t, g, q = c["text"], c["gold"], c["pred"]
    lo = min(g["start"], q["start"], g.get("speaker_start") or g["start"]) - 150
    hi = max(g["end"], q["end"], g.get("speaker_end") or g["end"]) + 150
    return t[max(0, lo):hi].replace("\n", " ¶ ")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    opts = dict(zip(sys.argv[1::1], sys.argv[2::1]))
    show, limit, only_type = opts.get("--show"), int(opts.get("--limit", 30)), opts.get("--type")
    all_cases = list(cases(json.load(open(args[0], encoding="utf-8")), args[1], only_type))
    table = collections.defaultdict(collections.Counter)
    for c in all_cases:
        table[(c["how"], c["gold"]["type"])][c["verdict"]] += 1
    total = collections.Counter(c["verdict"] for c in all_cases)
    n = len(all_cases)
    print(f"{n} gold quotes with a speaker: right {total['right']} ({total['right']/n:.3f}), wrong {total['wrong']}, none {total['none']}")
    print(f"{'how':<14}{'type':<8}{'right':>7}{'wrong':>7}{'none':>7}{'prec':>7}")
    for (how, typ), cnt in sorted(table.items(), key=lambda kv: -(kv[1]['wrong'] + kv[1]['none'])):
        given = cnt['right'] + cnt['wrong']
        print(f"{how:<14}{typ:<8}{cnt['right']:>7}{cnt['wrong']:>7}{cnt['none']:>7}{(cnt['right']/given if given else 0):>7.2f}")
    classes = collections.Counter(wrong_class(c) for c in all_cases if c["verdict"] == "wrong")
    print("wrong answers by class: " + ", ".join(f"{k} {v}" for k, v in classes.most_common()))
    convention = sum(v for k, v in classes.items() if k != "real")
    named = total["right"] + total["wrong"]
    print(f"under our contract (relay, swapped, antecedent counted right): accuracy {(total['right'] + convention) / n:.3f},"
          f" named-speaker precision {(total['right'] + convention) / named:.3f}; as scored: {total['right'] / n:.3f}, {total['right'] / named:.3f}")
    if show:
        shown = 0
        for c in all_cases:
            if c["verdict"] == "right" or (show != "all" and c["how"] != show and not (c["verdict"] == "wrong" and wrong_class(c) == show)):
                continue
            g, sp = c["gold"], c["pred"].get("speaker") or {}
            cls = wrong_class(c) if c["verdict"] == "wrong" else "none"
            print(f"\n--- {c['file']} [{g['type']}] how={c['how']} class={cls} {'(uncertain)' if c['uncertain'] else ''}")
            print(f"  gold speaker: {g.get('speaker')!r} head={g.get('speaker_head')!r} cue={g.get('cue')!r}")
            print(f"  ours: {sp.get('name')!r} cue={c['pred'].get('cue')!r}")
            print(f"  {context(c)}")
            lo, hi = min(g["start"], g.get("speaker_start") or g["start"]) - 150, max(g["end"], g.get("speaker_end") or 0) + 150
            print("  names:", ", ".join(f"{e['text']}/{e['kind']}" for e in c["entities"] if lo <= e["start"] < hi))
            shown += 1
            if shown >= limit:
                break


if __name__ == "__main__":
    main()
