/* The /plan/ page: reads the form, asks the plan engine (plan-engine.js) for the plan and shows it.
 *
 * Progressive enhancement: without scripts the form still reads. Everything stays in the browser; a draft
 * is kept in localStorage so nothing typed is lost, and "Save plan file" writes the runner file as JSON
 * (the same format `stride plan` reads). All text is set with textContent, never as HTML.
 */
(function () {
  "use strict";

  var DRAFT_KEY = "stride-plan-draft";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs.text;
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function href(root, url) {
    // The offline copy links to .html files (drills/x.html), the hosted site to folders (drills/x/).
    return root + (window.location.pathname.slice(-5) === ".html" ? url.replace(/\/$/, ".html") : url);
  }

  function link(root, url, text) {
    return url ? el("a", { href: href(root, url), text: text }) : document.createTextNode(text);
  }

  function siteRoot() {
    // The page lives at plan/ (plan/index.html offline), so the site root is one folder up.
    return "../";
  }

  function readForm(form) {
    var value = function (name) { return form.elements[name].value; };
    var ticked = function (name) {
      return Array.prototype.filter.call(form.querySelectorAll('input[name="' + name + '"]'), function (box) {
        return box.checked;
      }).map(function (box) { return box.value; });
    };
    var measured = {};
    form.querySelectorAll('input[name="measured"]').forEach(function (input) {
      if (input.value !== "") measured[input.getAttribute("data-ref")] = Number(input.value);
    });
    var where = value("pain_where").trim();
    return {
      version: StridePlan.VERSION,
      runner: value("runner").trim() || "the runner",
      event: value("event"),
      level: value("level"),
      days_per_week: Number(value("days_per_week")) || 1,
      minutes_per_session: Number(value("minutes_per_session")) || 5,
      equipment: ticked("equipment"),
      pain: { score: Number(value("pain_score")) || 0, where: where || null },
      injury: value("injury") ? { id: value("injury"), under_care: form.elements.under_care.checked } : null,
      red_flags: ticked("red_flags"),
      findings: ticked("findings"),
      measured: measured,
      assessed_on: value("assessed_on") || new Date().toISOString().slice(0, 10)
    };
  }

  function fillForm(form, profile) {
    form.reset();
    form.elements.runner.value = profile.runner || "";
    form.elements.assessed_on.value = profile.assessed_on || "";
    form.elements.event.value = profile.event;
    form.elements.level.value = profile.level;
    form.elements.days_per_week.value = profile.days_per_week;
    form.elements.minutes_per_session.value = profile.minutes_per_session;
    var pain = profile.pain || { score: 0 };
    form.elements.pain_score.value = pain.score;
    form.elements.pain_where.value = pain.where || "";
    form.elements.injury.value = profile.injury ? profile.injury.id : "";
    form.elements.under_care.checked = !!(profile.injury && profile.injury.under_care);
    ["equipment", "findings", "red_flags"].forEach(function (name) {
      var wanted = profile[name] || [];
      form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
        box.checked = wanted.indexOf(box.value) >= 0;
      });
    });
    var measured = profile.measured || {};
    form.querySelectorAll('input[name="measured"]').forEach(function (input) {
      var ref = input.getAttribute("data-ref");
      input.value = ref in measured ? measured[ref] : "";
    });
  }

  function list(items, make) {
    return el("ul", {}, items.map(function (item) { return el("li", {}, make(item)); }));
  }

  function renderPlan(plan, root) {
    var out = [el("h2", { text: "Personal plan for " + plan.runner })];
    if (plan.status === "refer-first") {
      out.push(el("section", { "class": "plan-refer" }, [
        el("h3", { text: "Refer first" }),
        el("p", { text: "No new drills until a clinician has seen " + plan.runner +
                         ". Stop the training that provokes symptoms and use the referral below." }),
        list(plan.referrals, function (r) {
          return [el("strong", { text: r.urgency }), document.createTextNode(" · " + r.who + ": "),
                  link(root, r.url, r.title), document.createTextNode(". " + r.because + ". "),
                  el("em", { text: r.when })];
        }),
        plan.script ? el("h4", {}, [document.createTextNode("What to say: "), link(root, plan.script.url, plan.script.title)]) : null,
        plan.script ? list(plan.script.do.concat(plan.script.dont), function (line) {
          return [document.createTextNode(line)];
        }) : null,
        plan.script ? el("p", { text: "Check understanding: " + plan.script.teach_back }) : null
      ]));
      return out;
    }
    out.push(el("p", { text: plan.drills.length + " drills, about " + plan.total_minutes + " of " +
      plan.minutes_per_session + " minutes, " + plan.sessions_per_week + " times a week. Retest on " +
      plan.retest_on + " (" + plan.retest_weeks + " weeks), with the same tests." }));
    if (plan.warm_up) {
      out.push(el("p", {}, [document.createTextNode("Warm-up: "), link(root, plan.warm_up.url, plan.warm_up.title),
        document.createTextNode(", " + plan.warm_up.dose + ".")]));
    }
    plan.advice.forEach(function (a) { out.push(el("p", { "class": "plan-advice", text: a })); });
    out.push(el("ol", { "class": "plan-drills" }, plan.drills.map(function (d) {
      return el("li", { "class": "plan-drill", "data-drill": d.id }, [
        el("h3", {}, [link(root, d.url, d.title)]),
        el("p", { "class": "plan-dose" }, [el("strong", { text: d.dose }),
          document.createTextNode(" · about " + d.minutes + " min · priority " + d.priority)]),
        d.details.length ? el("p", { "class": "plan-details", text: d.details.join(" · ") }) : null,
        d.without_equipment ? el("p", { "class": "plan-noeq", text: "Without equipment: " + d.without_equipment }) : null,
        el("p", { "class": "plan-why-label", text: "Why:" }),
        el("ul", { "class": "plan-why" }, d.reasons.map(function (r) { return el("li", { text: r }); })),
        d.next.when || d.next.harder.length ? el("p", { "class": "plan-next", text: "Next 4–6 weeks: " +
          (d.next.when ? "make it harder when " + d.next.when.charAt(0).toLowerCase() + d.next.when.slice(1) : "") +
          (d.next.harder.length ? " Then: " + d.next.harder.join(", ") + "." : "") }) : null
      ]);
    })));
    if (plan.dropped.length) {
      out.push(el("h3", { text: "Left out, and why" }));
      out.push(el("ul", { "class": "plan-dropped" }, plan.dropped.map(function (d) {
        return el("li", {}, [el("strong", { text: d.title }), document.createTextNode(": " + d.reason)]);
      })));
    }
    if (plan.pain_zones.length) {
      out.push(el("h3", { text: "Pain-monitoring rule" }));
      out.push(list(plan.pain_zones, function (z) {
        return [el("strong", { text: z.colour.charAt(0).toUpperCase() + z.colour.slice(1) + " " + z.score }),
                document.createTextNode(": " + z.action)];
      }));
    }
    return out;
  }

  function renderCards(plan, root) {
    return plan.drills.map(function (d) {
      return el("section", { "class": "plan-card" }, [
        el("p", { text: "For " + plan.runner }),
        el("h3", { text: d.title }),
        el("p", {}, [el("strong", { text: d.dose })]),
        d.without_equipment ? el("p", { text: "Without equipment: " + d.without_equipment }) : null,
        el("p", { text: d.purpose }),
        el("ol", {}, d.steps.map(function (s) { return el("li", { text: s }); })),
        el("ul", {}, d.cues.map(function (c) { return el("li", { text: c }); })),
        d.next.when ? el("p", { text: "Make it harder when: " + d.next.when }) : null,
        d.drop_back_if ? el("p", { text: "Go back a step if: " + d.drop_back_if }) : null,
        d.stop_if ? el("p", { text: "Stop if: " + d.stop_if }) : null,
        plan.pain_zones.length ? el("ul", { "class": "plan-card-pain" }, plan.pain_zones.map(function (z) {
          return el("li", { text: "Pain " + z.score + " (" + z.colour + "): " + z.action });
        })) : null,
        d.precautions.length ? el("ul", {}, d.precautions.map(function (p) { return el("li", { text: p }); })) : null,
        el("p", { text: "Full page: " + new URL(href(root, d.url), window.location.href).href })
      ]);
    });
  }

  function renderNote(plan, root) {
    var items = [el("h2", { text: "Training-modification note" })];
    if (plan.note_script) {
      items.push(el("p", {}, [document.createTextNode("Follows "), link(root, plan.note_script.url, plan.note_script.title),
        document.createTextNode(". Share only with the runner's agreement.")]));
    }
    var dl = el("dl", { "class": "plan-note" });
    plan.note.forEach(function (section) {
      dl.appendChild(el("dt", { text: section.label }));
      section.lines.forEach(function (line) { dl.appendChild(el("dd", { text: line })); });
    });
    items.push(dl);
    return items;
  }

  function replace(node, children) {
    while (node.firstChild) node.removeChild(node.firstChild);
    children.forEach(function (child) { if (child) node.appendChild(child); });
  }

  function start(container) {
    if (container.getAttribute("data-ready")) return;
    container.setAttribute("data-ready", "true");
    var data = window.STRIDE_PLAN_DATA;
    var form = container.querySelector("form");
    var status = container.querySelector("#plan-status");
    var root = siteRoot();
    var current = null;

    function update() {
      var invalid = Array.prototype.filter.call(form.querySelectorAll('input[type="number"]'), function (input) {
        return !input.validity.valid;
      });
      if (invalid.length) {  // e.g. a pain of 5.5: the plan would be judged on a number the form refuses
        current = null;
        ["#plan-output", "#plan-cards", "#plan-note"].forEach(function (id) { replace(container.querySelector(id), []); });
        status.textContent = "No plan yet: " + invalid.map(function (input) {
          return input.parentNode.textContent.trim() + " " + input.validationMessage.replace(/\.?$/, ".");
        }).join(" ");
        return;
      }
      var profile = readForm(form);
      try {
        current = { profile: profile, plan: StridePlan.makePlan(data, profile) };
      } catch (err) {
        status.textContent = "This plan could not be made: " + err.message;
        return;
      }
      var plan = current.plan;
      replace(container.querySelector("#plan-output"), renderPlan(plan, root));
      replace(container.querySelector("#plan-cards"), renderCards(plan, root));
      replace(container.querySelector("#plan-note"), renderNote(plan, root));
      status.textContent = plan.status === "refer-first"
        ? "Refer first: " + plan.referrals.length + " referral" + (plan.referrals.length === 1 ? "" : "s") + ", no drills."
        : "Plan: " + plan.drills.length + " drills, about " + plan.total_minutes + " minutes a session.";
      if (plan.unknown.length) {
        status.textContent += " Not in this curriculum, so left out: " + plan.unknown.join(", ") + ".";
      }
      try { window.localStorage.setItem(DRAFT_KEY, JSON.stringify(profile)); } catch (e) { /* storage may be off */ }
    }

    function unknownIn(profile) {
      // The form only holds what this curriculum offers: an id it does not know would vanish without a word (a
      // renamed red flag, a misspelt injury), so such a profile is refused, as `stride plan` refuses it.
      return StridePlan.makePlan(data, profile).unknown;
    }

    function load(profile) {
      var upgraded = StridePlan.upgrade(profile);
      var unknown = unknownIn(upgraded);
      if (unknown.length) {
        throw new Error("it names " + unknown.join(", ") + ", which this curriculum does not have. " +
                        "Check the spelling, or use the plan page of the site it was saved from");
      }
      fillForm(form, upgraded);
      update();
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });

    container.querySelector('[data-plan="save"]').addEventListener("click", function () {
      update();
      if (!current) return;  // the form holds a value it refuses; the status says which
      var blob = new Blob([JSON.stringify(current.profile, null, 2) + "\n"], { type: "application/json" });
      var a = el("a", { href: URL.createObjectURL(blob),
                        download: (current.profile.runner || "runner").toLowerCase().replace(/[^a-z0-9]+/g, "-") + ".json" });
      document.body.appendChild(a);
      a.click();
      a.remove();
      status.textContent = "Saved " + a.getAttribute("download") + ".";
    });

    container.querySelector('[data-plan="load"]').addEventListener("change", function (event) {
      var file = event.target.files[0];
      if (!file) return;
      file.text().then(function (text) {
        try {
          load(JSON.parse(text));
          status.textContent = "Loaded " + file.name + ". " + status.textContent;
        } catch (err) {
          status.textContent = "Could not load " + file.name + ": " + err.message;
        }
      });
    });

    container.querySelector('[data-plan="example"]').addEventListener("change", function (event) {
      var example = data.examples.filter(function (ex) { return ex.id === event.target.value; })[0];
      if (example) load(example.profile);
    });

    function printAs(kind) {
      document.body.setAttribute("data-print", kind);
      window.print();
    }
    window.addEventListener("afterprint", function () { document.body.removeAttribute("data-print"); });
    container.querySelector('[data-plan="print"]').addEventListener("click", function () { printAs("plan"); });
    container.querySelector('[data-plan="print-note"]').addEventListener("click", function () { printAs("note"); });

    var draft = null;
    var skipped = "";
    try { draft = JSON.parse(window.localStorage.getItem(DRAFT_KEY) || "null"); } catch (e) { draft = null; }
    if (draft) {
      try {
        var unknown = unknownIn(StridePlan.upgrade(draft));
        if (unknown.length) {
          skipped = " The draft kept in this browser was not restored: it names " + unknown.join(", ") +
                    ", which this curriculum no longer has.";
        } else {
          fillForm(form, StridePlan.upgrade(draft));
        }
      } catch (e) { /* an unreadable draft is ignored */ }
    }
    update();
    status.textContent += skipped;
  }

  function init() {
    var container = document.querySelector(".stride-plan");
    if (!container || typeof StridePlan === "undefined") return;
    if (window.STRIDE_PLAN_DATA) {
      start(container);
      return;
    }
    // The compiled rules are a script file beside the page, so the page also works from file://.
    var script = document.createElement("script");
    script.src = container.getAttribute("data-plan-data");
    script.onload = function () { start(container); };
    document.head.appendChild(script);
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
