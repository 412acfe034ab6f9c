/* Stride plan engine: from a runner profile and the compiled decision tables to a plan.
 *
 * The one implementation of the plan's decisions. The /plan/ page runs it in the browser and
 * `stride plan` runs the same file in an embedded JavaScript interpreter, so both give the same plan.
 * Pure: no DOM, no clock, no randomness; the input is the JSON compiled by generator/plans/compile.py.
 */
var StridePlan = (function () {
  "use strict";

  var VERSION = 1;
  /* Upgrades for files saved by older versions: MIGRATIONS[n] turns a version-n profile into n + 1. */
  var MIGRATIONS = {};

  function upgrade(saved) {
    var profile = Object.assign({}, saved);
    var version = profile.version === undefined ? VERSION : profile.version;
    if (typeof version !== "number" || version > VERSION) {
      throw new Error("this file was saved by a newer version (" + version + "); this page reads version " + VERSION);
    }
    while (version < VERSION) {
      profile = MIGRATIONS[version](profile);
      version += 1;
    }
    profile.version = VERSION;
    return profile;
  }

  function findingIndex(data) {
    var index = {};
    var order = 0;
    data.assessments.forEach(function (assessment) {
      assessment.findings.forEach(function (finding) {
        index[finding.ref] = { assessment: assessment, finding: finding, order: order++ };
      });
    });
    return index;
  }

  function flagIndex(data) {
    var index = {};
    Object.keys(data.injuries).forEach(function (id) {
      var injury = data.injuries[id];
      injury.flags.forEach(function (flag) { index[flag.ref] = { injury: injury, flag: flag }; });
    });
    return index;
  }

  /* Findings ticked, plus those whose measured value passes the cited threshold, in catalogue order. */
  function presentFindings(data, profile, index) {
    var present = {};
    (profile.findings || []).forEach(function (ref) { if (index[ref]) present[ref] = true; });
    var measured = profile.measured || {};
    Object.keys(measured).forEach(function (ref) {
      var entry = index[ref];
      if (entry && entry.finding.threshold && measured[ref] > entry.finding.threshold.more_than) present[ref] = true;
    });
    return Object.keys(present).sort(function (a, b) { return index[a].order - index[b].order; });
  }

  function addWeeks(isoDate, weeks) {
    var parts = isoDate.split("-").map(Number);
    var date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2] + weeks * 7));
    return date.toISOString().slice(0, 10);
  }

  function referralsFor(data, profile, fired, index) {
    var found = [];
    var flags = flagIndex(data);
    (profile.red_flags || []).forEach(function (ref) {
      var entry = flags[ref];
      if (!entry) return;
      found.push({ kind: "red flag", title: entry.injury.title, url: entry.injury.url, because: entry.flag.sign,
                   who: entry.flag.who, urgency: entry.flag.urgency, rank: entry.flag.rank, when: entry.flag.action });
    });
    var injury = profile.injury && data.injuries[profile.injury.id];
    if (injury && !profile.injury.under_care) {
      injury.referrals.forEach(function (ref) {
        found.push({ kind: "current injury", title: injury.title, url: injury.url,
                     because: "Current injury, not yet seen by a clinician",
                     who: ref.who, urgency: ref.urgency, rank: ref.rank, when: ref.when });
      });
    }
    var pain = profile.pain || { score: 0 };
    var painRule = data.policy.pain_referral;
    if (pain.score >= painRule.from_score) {
      found.push({ kind: "pain", title: "Pain " + pain.score + " out of 10" + (pain.where ? " (" + pain.where + ")" : ""),
                   url: null, because: "Current pain of " + painRule.from_score + " or more out of 10",
                   who: painRule.who, urgency: painRule.urgency, rank: painRule.rank, when: painRule.when });
    }
    fired.forEach(function (hit) {
      var because = hit.findings.map(function (ref) {
        return index[ref].assessment.title + ": " + index[ref].finding.text;
      }).join("; ");
      hit.rule.refer_flags.forEach(function (ref) {
        var entry = flags[ref];
        found.push({ kind: "finding", title: entry.injury.title, url: entry.injury.url,
                     because: because + " (possible sign: " + entry.flag.sign + ")",
                     who: entry.flag.who, urgency: entry.flag.urgency, rank: entry.flag.rank, when: entry.flag.action });
      });
      var r = hit.rule.refer_to;
      if (r) {
        found.push({ kind: "finding", title: "Symptom during the assessment", url: null, because: because,
                     who: r.who, urgency: r.urgency, rank: r.rank, when: r.when });
      }
    });
    var seen = {};
    found = found.filter(function (r) {
      var key = [r.title, r.who, r.urgency, r.when].join("|");
      if (seen[key]) return false;
      seen[key] = true;
      return true;
    });
    return found.map(function (r, i) { return [r, i]; })
      .sort(function (a, b) { return a[0].rank - b[0].rank || a[1] - b[1]; })
      .map(function (pair) { return pair[0]; });
  }

  function firedRules(data, profile, present) {
    var fired = [];
    data.rules.forEach(function (rule) {
      var hits = rule.when.filter(function (ref) { return present.indexOf(ref) >= 0; });
      if (!hits.length) return;
      if (rule.events.length && rule.events.indexOf(profile.event) < 0) return;
      fired.push({ rule: rule, findings: hits });
    });
    return fired;
  }

  function trace(data, index, hit, drill) {
    return hit.findings.map(function (ref) {
      var entry = index[ref];
      var steps = [entry.assessment.title + ": " + entry.finding.text];
      if (hit.rule.pattern) steps.push(data.names[hit.rule.pattern] || hit.rule.pattern);
      steps.push(drill.title);
      return steps.join(" → ");
    });
  }

  function candidates(data, profile, fired, index, dropped, advice) {
    var injuryId = profile.injury ? profile.injury.id : null;
    var chosen = {};
    fired.forEach(function (hit) {
      var rule = hit.rule;
      if (rule.refer_flags.length || rule.refer_to) return;
      if (injuryId && rule.not_with.indexOf(injuryId) >= 0) {
        rule.choices.forEach(function (choice) {
          dropped.push({ id: choice.drill, title: data.drills[choice.drill].title, kind: "injury",
                         reason: "Left out with " + data.injuries[injuryId].title + " (rule '" + rule.id + "')" });
        });
        return;
      }
      if (rule.advice && advice.indexOf(rule.advice) < 0) advice.push(rule.advice);
      rule.choices.forEach(function (choice) {
        var drill = data.drills[choice.drill];
        var reasons = trace(data, index, hit, drill);
        var seen = chosen[choice.drill];
        if (!seen) {
          chosen[choice.drill] = { drill: drill, priority: choice.priority, dose: choice.dose, reasons: reasons,
                                   retest_weeks: rule.retest_weeks };
          return;
        }
        reasons.forEach(function (r) { if (seen.reasons.indexOf(r) < 0) seen.reasons.push(r); });
        if (choice.priority < seen.priority) {
          seen.priority = choice.priority;
          seen.dose = choice.dose;
        }
        if (rule.retest_weeks) seen.retest_weeks = Math.max(seen.retest_weeks || 0, rule.retest_weeks);
      });
    });
    return Object.keys(chosen).map(function (id) { return chosen[id]; }).sort(function (a, b) {
      return a.priority - b.priority || a.drill.order - b.drill.order;
    });
  }

  /* A drill above the runner's level starts at its easier version, when the drill names one. */
  function levelled(data, profile, list) {
    var rank = function (level) { return data.levels.indexOf(level); };
    var chosen = {};
    list.forEach(function (c) { chosen[c.drill.id] = true; });
    return list.map(function (c) {
      var drill = c.drill;
      var steps = 0;
      while (rank(drill.level) > rank(profile.level) && drill.easier.length && steps < 3) {
        drill = data.drills[drill.easier[0]];
        steps += 1;
      }
      if (drill === c.drill) return c;
      if (chosen[drill.id]) return null; // its easier version is already in the plan
      chosen[drill.id] = true;
      return { drill: drill, priority: c.priority, dose: drill.dose, retest_weeks: c.retest_weeks,
               reasons: c.reasons.map(function (r) {
                 return r + " → easier start for a " + profile.level + " runner: " + drill.title;
               }) };
    }).filter(function (c) { return c !== null; });
  }

  /* The caution the runner's current injury puts on a drill (avoid or modify, with its reason), or null. */
  function cautionFor(profile, drill) {
    return (profile.injury && drill.cautions[profile.injury.id]) || null;
  }

  function cautionReason(data, profile, caution) {
    return caution.action + " with " + data.injuries[profile.injury.id].title + ": " + caution.reason;
  }

  function safeAndEquipped(data, profile, list, dropped) {
    var have = (profile.equipment || []).filter(function (e) { return e !== "none"; });
    return list.filter(function (c) {
      var caution = cautionFor(profile, c.drill);
      if (caution) {
        dropped.push({ id: c.drill.id, title: c.drill.title, kind: "injury",
                       reason: cautionReason(data, profile, caution) });
        return false;
      }
      var missing = c.drill.needs.filter(function (n) { return have.indexOf(n) < 0; });
      if (!missing.length) return true;
      if (c.drill.no_equipment) {
        c.without_equipment = c.drill.no_equipment;
        return true;
      }
      dropped.push({ id: c.drill.id, title: c.drill.title, kind: "equipment",
                     reason: "Needs " + c.drill.equipment.join(", ") + ", and there is no version without it" });
      return false;
    });
  }

  function capped(profile, policy, list, dropped) {
    var kept = [];
    var total = 0;
    var full = false;
    list.forEach(function (c) {
      var minutes = c.dose.minutes;
      if (!full && kept.length >= policy.max_drills) {
        full = true;
      } else if (!full && total + minutes > profile.minutes_per_session) {
        full = true;
      }
      if (full) {
        var reason = kept.length >= policy.max_drills
          ? "Session cap: at most " + policy.max_drills + " drills a session; this one has a lower priority"
          : "Does not fit: " + (profile.minutes_per_session - total) + " of " + profile.minutes_per_session +
            " minutes left and it takes about " + minutes;
        dropped.push({ id: c.drill.id, title: c.drill.title, kind: "session", reason: reason });
        return;
      }
      total += minutes;
      kept.push(c);
    });
    return { kept: kept, total: total };
  }

  function planDrill(data, profile, c) {
    var d = c.drill;
    var harder = d.harder.filter(function (id) {  // never a next step the runner's injury must avoid or modify
      return data.drills[id] && !cautionFor(profile, data.drills[id]);
    }).map(function (id) { return data.drills[id].title; });
    return {
      id: d.id, title: d.title, url: d.url, priority: c.priority,
      dose: c.dose.line, details: c.dose.details, minutes: c.dose.minutes, reasons: c.reasons,
      without_equipment: c.without_equipment || null,
      next: { when: d.progress_when, harder: harder },
      drop_back_if: d.drop_back_if, stop_if: d.stop_if,
      purpose: d.purpose, steps: d.steps, cues: d.cues, precautions: d.precautions
    };
  }

  function note(data, profile, plan, present, index) {
    var pain = profile.pain || { score: 0 };
    var injury = profile.injury && data.injuries[profile.injury.id];
    var reported = ["Current pain " + pain.score + " out of 10" + (pain.where ? ", " + pain.where : "")];
    if (injury) reported.push("Current injury: " + injury.title + (profile.injury.under_care ? " (under a clinician's care)" : " (not yet seen by a clinician)"));
    var observed = present.map(function (ref) { return index[ref].assessment.title + ": " + index[ref].finding.text; });
    var changed;
    if (plan.status === "refer-first") {
      changed = ["No new drills: referred first. " + plan.referrals.map(function (r) {
        return r.who + " (" + r.urgency + ")";
      }).join("; ")];
    } else {
      changed = plan.drills.map(function (d) { return "Added " + d.title + ": " + d.dose + (d.without_equipment ? " (without equipment)" : ""); });
      plan.dropped.forEach(function (d) {
        if (d.kind === "injury") changed.push("Not used because of the injury: " + d.title + ". " + d.reason);
      });
    }
    return [
      { label: "Runner", lines: [profile.runner + ", " + profile.event + " runner, " + profile.level] },
      { label: "Date of assessment", lines: [profile.assessed_on] },
      { label: "What the runner reported", lines: reported },
      { label: "What was observed", lines: observed.length ? observed : ["No findings recorded"] },
      { label: "What was changed", lines: changed.length ? changed : ["Nothing changed"] },
      { label: "Why", lines: plan.status === "refer-first"
        ? plan.referrals.map(function (r) { return r.title + ": " + r.because; })
        : [].concat.apply([], plan.drills.map(function (d) { return d.reasons; })) },
      { label: "Progression rule", lines: ["Pain during and after: " + data.policy.pain_zones.map(function (z) {
        return z.colour + " " + z.score + ": " + z.action; }).join(" ")] },
      { label: "Review", lines: [plan.retest_on ? "Retest on " + plan.retest_on + " with the same tests" : "After the referral"] },
      { label: "What the coach asks", lines: data.policy.note_questions },
      { label: "Who was informed", lines: ["Runner's consent to share this note with: ____________ on ____________"] },
      { label: "Recorded by", lines: ["____________"] }
    ];
  }

  /* Ids in a saved file that this curriculum does not know (renamed or removed since): reported, not guessed. */
  function unknownRefs(data, profile, index) {
    var flags = flagIndex(data);
    var unknown = (profile.findings || []).concat(Object.keys(profile.measured || {})).filter(function (ref) {
      return !index[ref];
    });
    (profile.red_flags || []).forEach(function (ref) { if (!flags[ref]) unknown.push(ref); });
    if (profile.injury && !data.injuries[profile.injury.id]) unknown.push(profile.injury.id);
    return unknown;
  }

  function makePlan(data, saved) {
    var profile = upgrade(saved);
    var policy = data.policy;
    var index = findingIndex(data);
    var present = presentFindings(data, profile, index);
    var fired = firedRules(data, profile, present);
    var plan = {
      version: VERSION, runner: profile.runner, event: profile.event, level: profile.level,
      assessed_on: profile.assessed_on, findings: present.map(function (ref) {
        return { ref: ref, assessment: index[ref].assessment.title, text: index[ref].finding.text };
      }),
      status: "plan", referrals: referralsFor(data, profile, fired, index), script: null,
      drills: [], dropped: [], advice: [], warm_up: null, pain_zones: policy.pain_zones,
      sessions_per_week: Math.min(profile.days_per_week, policy.max_sessions),
      minutes_per_session: profile.minutes_per_session, total_minutes: 0, retest_on: null, retest_weeks: null
    };
    if (plan.referrals.length) {
      plan.status = "refer-first";
      plan.script = policy.referral_script;
    } else {
      var list = candidates(data, profile, fired, index, plan.dropped, plan.advice);
      list = safeAndEquipped(data, profile, levelled(data, profile, list), plan.dropped);
      var session = capped(profile, policy, list, plan.dropped);
      plan.drills = session.kept.map(function (c) { return planDrill(data, profile, c); });
      plan.total_minutes = session.total;
      var weeks = session.kept.reduce(function (w, c) { return Math.max(w, c.retest_weeks || 0); }, 0) || policy.retest_weeks;
      plan.retest_weeks = weeks;
      plan.retest_on = addWeeks(profile.assessed_on, weeks);
      var warm = policy.warm_up && data.drills[policy.warm_up];
      if (warm) {
        var caution = cautionFor(profile, warm);
        if (caution) {
          plan.dropped.push({ id: warm.id, title: warm.title + " (warm-up)", kind: "injury",
                              reason: cautionReason(data, profile, caution) });
        } else {
          plan.warm_up = { id: warm.id, title: warm.title, url: warm.url, dose: warm.dose.line };
        }
      }
    }
    plan.unknown = unknownRefs(data, profile, index);
    plan.note = note(data, profile, plan, present, index);
    plan.note_script = policy.note_script ? { title: policy.note_script.title, url: policy.note_script.url } : null;
    return plan;
  }

  return { VERSION: VERSION, upgrade: upgrade, makePlan: makePlan, addWeeks: addWeeks };
})();
