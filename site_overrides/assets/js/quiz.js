/* Stride quiz engine: progressive enhancement of the quiz markup rendered into lesson and quiz pages.
 *
 * Without JavaScript each question reads as text and its answer sits in a closed <details>.
 * With it, each question gets real controls (radios, checkboxes, selects, move buttons, text
 * inputs), per-option feedback, hints, retry, a score with feedback by score band, an exam mode
 * that holds feedback until one submit, and progress kept in localStorage (versioned).
 * A "stride:quiz-submitted" event bubbles from the quiz when a quiz is complete.
 * No dependencies; works with Material's instant navigation and from the file system.
 */
(function () {
  "use strict";

  var STORE_KEY = "stride-quiz-progress";
  var STORE_VERSION = 1;
  var KEY_VERSION = 2;

  /* ---------- storage ---------- */

  function readStore() {
    try {
      var data = JSON.parse(window.localStorage.getItem(STORE_KEY));
      if (data && data.version === STORE_VERSION && data.quizzes) return data;
    } catch (err) { /* unreadable or blocked storage: start fresh */ }
    return { version: STORE_VERSION, quizzes: {} };
  }

  function writeStore(data) {
    try { window.localStorage.setItem(STORE_KEY, JSON.stringify(data)); } catch (err) { /* private mode */ }
  }

  function quizRecord(data, quizId) {
    if (!data.quizzes[quizId]) data.quizzes[quizId] = { answers: {}, best: null, last: null, completed: false };
    return data.quizzes[quizId];
  }

  /* ---------- small helpers ---------- */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function shuffled(values) {
    var out = values.slice();
    for (var i = out.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var tmp = out[i]; out[i] = out[j]; out[j] = tmp;
    }
    return out;
  }

  function cloneContent(node) {
    var wrap = document.createElement("div");
    if (node) Array.prototype.forEach.call(node.childNodes, function (c) { wrap.appendChild(c.cloneNode(true)); });
    return wrap;
  }

  /* Answer comparison: the same rules as generator/answers.py, tested against one shared table of cases. */
  function normaliseText(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim()
      .replace(/\s+%/g, "%")
      .replace(/^[\s"'\u201c\u201d\u2018\u2019.,;:!?]+|[\s"'\u201c\u201d\u2018\u2019.,;:!?]+$/g, "");
  }

  function parseNumber(text) {
    text = String(text).normalize("NFKC");
    if (/\d\s*:\s*\d/.test(text)) return null;
    text = text.replace(/\b\d{1,3}(?:,\d{3})+\b(?![.,]\d)/g, function (m) { return m.replace(/,/g, ""); }).replace(/,/g, ".");
    var numbers = text.match(/[-+]?(?:\d+(?:\.\d+)?|\.\d+)/g) || [];
    return numbers.length === 1 ? parseFloat(numbers[0]) : null;
  }

  var counter = 0;
  function uid(prefix) { counter += 1; return prefix + "-" + counter; }

  /* ---------- one question ---------- */

  function Question(node, key, quiz) {
    this.node = node;
    this.key = key;
    this.quiz = quiz;
    this.answerBox = node.querySelector(":scope > details.stride-answer");
    this.stem = node.querySelector(":scope > .stride-stem");
    this.stem.id = this.stem.id || uid("stem");
    this.answerBox.hidden = true;
    this.area = el("div", { "class": "stride-controls" });
    this.feedback = el("div", { "class": "stride-feedback", role: "status", "aria-live": "polite" });
    this.buttons = el("div", { "class": "stride-buttons" });
    this.checkButton = el("button", { type: "button", "class": "md-button md-button--primary", text: "Check answer" });
    this.retryButton = el("button", { type: "button", "class": "md-button", text: "Try again" });
    this.retryButton.hidden = true;
    this.buttons.appendChild(this.checkButton);
    this.buttons.appendChild(this.retryButton);
    var self = this;
    this.checkButton.addEventListener("click", function () { self.check(true); });
    this.retryButton.addEventListener("click", function () { self.reset(); self.focusFirst(); });
    this.answerBox.parentNode.insertBefore(this.area, this.answerBox);
    this.answerBox.parentNode.insertBefore(this.buttons, this.answerBox);
    this.answerBox.parentNode.insertBefore(this.feedback, this.answerBox);
    this.build();
  }

  Question.prototype.group = function (label) {
    var group = el("div", { role: "group", "aria-labelledby": this.stem.id, "class": "stride-group" });
    if (label) group.setAttribute("aria-describedby", label);
    this.area.appendChild(group);
    return group;
  };

  Question.prototype.build = function () {
    var type = this.key.type;
    this.area.textContent = "";
    this.checked = false;
    if (type === "single" || type === "multiple") this.buildChoices();
    else if (type === "true-false") this.buildTrueFalse();
    else if (type === "matching") this.buildMatching();
    else if (type === "ordering") this.buildOrdering();
    else if (type === "fill-blank") this.buildText("Your answer", false);
    else if (type === "numeric") this.buildText("Your answer in " + this.key.unit, true);
  };

  Question.prototype.buildChoices = function () {
    var list = this.node.querySelector(":scope > ol.stride-options");
    list.hidden = true;
    var kind = this.key.type === "single" ? "radio" : "checkbox";
    var name = uid("q-" + this.key.id);
    var group = this.group();
    var items = Array.prototype.slice.call(list.children);
    this.inputs = [];
    var self = this;
    shuffled(items).forEach(function (item) {
      var input = el("input", { type: kind, name: name, value: item.getAttribute("data-index") });
      var label = el("label", { "class": "stride-choice" }, [input, cloneContent(item)]);
      label.lastChild.className = "stride-choice-text";
      group.appendChild(label);
      self.inputs.push(input);
    });
  };

  Question.prototype.buildTrueFalse = function () {
    var name = uid("q-" + this.key.id);
    var group = this.group();
    this.inputs = ["true", "false"].map(function (value) {
      var input = el("input", { type: "radio", name: name, value: value });
      group.appendChild(el("label", { "class": "stride-choice" }, [input, el("span", { text: value === "true" ? "True" : "False" })]));
      return input;
    });
  };

  Question.prototype.buildMatching = function () {
    var box = this.node.querySelector(":scope > .stride-matching");
    box.hidden = true;
    var lefts = box.querySelectorAll(".stride-left > li");
    var rights = Array.prototype.slice.call(box.querySelectorAll(".stride-right > li"));
    var group = this.group();
    group.appendChild(el("p", { "class": "stride-instruction", text: "Choose the match for each item." }));
    this.selects = [];
    var self = this;
    Array.prototype.forEach.call(lefts, function (left) {
      var id = uid("match");
      var select = el("select", { id: id, "data-left": left.getAttribute("data-index") });
      select.appendChild(el("option", { value: "", text: "Choose…" }));
      shuffled(rights).forEach(function (right) {
        select.appendChild(el("option", { value: right.getAttribute("data-index"), text: right.textContent.trim() }));
      });
      var label = el("label", { "for": id, "class": "stride-match-left" }, [cloneContent(left)]);
      group.appendChild(el("div", { "class": "stride-match-row" }, [label, select]));
      self.selects.push(select);
    });
  };

  Question.prototype.buildOrdering = function () {
    var source = this.node.querySelector(":scope > ul.stride-order");
    source.hidden = true;
    var group = this.group();
    group.appendChild(el("p", { "class": "stride-instruction", text: "Put these in order with the Up and Down buttons." }));
    var list = el("ol", { "class": "stride-order-list" });
    group.appendChild(list);
    this.orderList = list;
    var self = this;
    var items = Array.prototype.slice.call(source.children);
    var order = shuffled(items);
    if (order.every(function (item, i) { return item.getAttribute("data-index") === String(i); }) && order.length > 1) {
      order.push(order.shift());
    }
    order.forEach(function (item) {
      var row = el("li", { "data-index": item.getAttribute("data-index"), "class": "stride-order-item" });
      var text = cloneContent(item);
      text.className = "stride-order-text";
      var up = el("button", { type: "button", "class": "stride-move", "data-move": "-1" });
      var down = el("button", { type: "button", "class": "stride-move", "data-move": "1" });
      up.textContent = "↑"; down.textContent = "↓";
      up.setAttribute("aria-label", "Move up: " + item.textContent.trim());
      down.setAttribute("aria-label", "Move down: " + item.textContent.trim());
      row.appendChild(text); row.appendChild(up); row.appendChild(down);
      list.appendChild(row);
    });
    this.moveStatus = el("p", { "class": "stride-visually-hidden", role: "status", "aria-live": "polite" });
    group.appendChild(this.moveStatus);
    list.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-move]");
      if (!button || self.locked) return;
      var row = button.closest("li");
      var step = Number(button.getAttribute("data-move"));
      var sibling = step < 0 ? row.previousElementSibling : row.nextElementSibling;
      if (!sibling) return;
      if (step < 0) list.insertBefore(row, sibling); else list.insertBefore(sibling, row);
      var position = Array.prototype.indexOf.call(list.children, row) + 1;
      self.moveStatus.textContent = row.textContent.replace(/[↑↓]/g, "").trim() + ": now " + position + " of " + list.children.length;
      button.focus();
    });
  };

  Question.prototype.buildText = function (labelText, numeric) {
    var id = uid("answer");
    var group = this.group();
    var input = el("input", { id: id, type: "text", autocomplete: "off", spellcheck: "false" });
    if (numeric) input.setAttribute("inputmode", "decimal");
    group.appendChild(el("label", { "for": id, "class": "stride-text-label", text: labelText }));
    group.appendChild(input);
    this.textInput = input;
    var self = this;
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !self.quiz.exam) { event.preventDefault(); self.check(true); }
    });
  };

  /* Answer state, so progress survives a reload. */
  Question.prototype.value = function () {
    if (this.inputs) return this.inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
    if (this.selects) return this.selects.map(function (s) { return s.value; });
    if (this.orderList) return Array.prototype.map.call(this.orderList.children, function (li) { return li.getAttribute("data-index"); });
    return this.textInput.value;
  };

  Question.prototype.restore = function (value) {
    var self = this;
    if (this.inputs) this.inputs.forEach(function (i) { i.checked = value.indexOf(i.value) !== -1; });
    else if (this.selects) this.selects.forEach(function (s, n) { s.value = value[n] || ""; });
    else if (this.orderList) value.forEach(function (index) {
      var row = self.orderList.querySelector('li[data-index="' + index + '"]');
      if (row) self.orderList.appendChild(row);
    });
    else this.textInput.value = value;
  };

  Question.prototype.answered = function () {
    var value = this.value();
    if (this.key.type === "numeric") return parseNumber(value) !== null;
    if (this.selects) return value.every(function (v) { return v !== ""; });
    if (this.orderList) return true;
    return Array.isArray(value) ? value.length > 0 : value.trim() !== "";
  };

  /* Score between 0 and 1; multiple select and matching earn partial credit. */
  Question.prototype.score = function () {
    var key = this.key;
    var value = this.value();
    if (key.type === "single") return value.length === 1 && key.correct.indexOf(Number(value[0])) !== -1 ? 1 : 0;
    if (key.type === "multiple") {
      var right = value.filter(function (v) { return key.correct.indexOf(Number(v)) !== -1; }).length;
      var wrong = value.length - right;
      return Math.max(0, (right - wrong) / key.correct.length);
    }
    if (key.type === "true-false") return value.length === 1 && value[0] === String(key.answer) ? 1 : 0;
    if (key.type === "matching") {
      var hits = this.selects.filter(function (s) { return s.value === s.getAttribute("data-left"); }).length;
      return hits / this.selects.length;
    }
    if (key.type === "ordering") {
      return value.every(function (index, position) { return index === String(position); }) ? 1 : 0;
    }
    if (key.type === "fill-blank") return key.accept.indexOf(normaliseText(value)) !== -1 ? 1 : 0;
    if (key.type === "numeric") {
      var number = parseNumber(value);
      return number !== null && Math.abs(number - key.answer) <= key.tolerance + 1e-9 ? 1 : 0;
    }
    return 0;
  };

  Question.prototype.check = function (announce) {
    if (!this.answered()) {
      this.feedback.textContent = this.key.type === "numeric" && this.textInput.value.trim() !== ""
        ? "Type one number, such as 12.5 (a unit after it is fine)."
        : "Choose or type an answer first.";
      this.focusFirst();
      return false;
    }
    var score = this.score();
    this.checked = true;
    this.locked = true;
    this.setDisabled(true);
    this.showFeedback(score);
    this.checkButton.hidden = true;
    this.retryButton.hidden = false;
    this.quiz.recordAnswer(this, score);
    if (announce) {
      this.quiz.updateScore(true);
      /* The Check button just hid itself: keep focus on this question, on its feedback. */
      this.feedback.setAttribute("tabindex", "-1");
      this.feedback.focus();
    }
    return true;
  };

  Question.prototype.verdict = function (score) {
    if (score === 1) return { cls: "stride-correct", text: "Correct." };
    if (score > 0) return { cls: "stride-partial", text: "Partly right (" + Math.round(score * 100) + "%)." };
    return { cls: "stride-incorrect", text: "Not quite." };
  };

  Question.prototype.showFeedback = function (score) {
    var verdict = this.verdict(score);
    var box = this.feedback;
    box.textContent = "";
    box.className = "stride-feedback " + verdict.cls;
    box.appendChild(el("p", { "class": "stride-verdict" }, [el("strong", { text: verdict.text })]));
    var key = this.answerBox;
    var self = this;
    if (this.inputs && (this.key.type === "single" || this.key.type === "multiple")) {
      var list = el("ul", { "class": "stride-option-feedback" });
      this.inputs.forEach(function (input) {
        var entry = key.querySelector('.stride-key li[data-index="' + input.value + '"]');
        var correct = entry && entry.getAttribute("data-correct") === "true";
        input.closest("label").classList.add(correct ? "stride-is-correct" : "stride-is-wrong");
        if (!input.checked && !(correct && self.key.type === "multiple")) return;
        var row = el("li", { "class": input.checked ? "stride-chosen" : "stride-missed" });
        row.appendChild(el("span", { "class": "stride-yours", text: input.checked ? "Your answer" : "You missed this one" }));
        row.appendChild(document.createTextNode(" "));
        row.appendChild(cloneContent(entry));
        list.appendChild(row);
      });
      box.appendChild(list);
    } else if (this.selects) {
      box.appendChild(this.matchingFeedback(score));
    } else {
      var part = key.querySelector(score === 1 ? ".stride-fb-correct" : ".stride-fb-incorrect");
      if (part) box.appendChild(cloneContent(part));
      if (score < 1) {
        var answer = key.querySelector(".stride-key, .stride-key-line");
        if (answer) {
          box.appendChild(el("p", { text: "The answer:" }));
          box.appendChild(answer.cloneNode(true));
        }
      }
    }
    var explanation = key.querySelector(".stride-explanation");
    if (explanation) {
      var more = cloneContent(explanation);
      more.className = "stride-explanation";
      box.appendChild(more);
    }
  };

  /* Which rows were matched wrongly, each with the student's choice and the right match. */
  Question.prototype.matchingFeedback = function (score) {
    var wrap = el("div", { "class": "stride-match-feedback" });
    var part = this.answerBox.querySelector(score === 1 ? ".stride-fb-correct" : ".stride-fb-incorrect");
    if (part) wrap.appendChild(cloneContent(part));
    var key = this.answerBox;
    var list = el("ul", { "class": "stride-option-feedback" });
    this.selects.forEach(function (select) {
      var left = select.getAttribute("data-left");
      var entry = key.querySelector('.stride-key li[data-index="' + left + '"]');
      var right = select.value === left;
      var chosen = select.options[select.selectedIndex].text;
      var row = el("li", { "class": right ? "stride-chosen stride-row-right" : "stride-chosen stride-row-wrong" });
      row.appendChild(el("span", { "class": "stride-yours", text: right ? "Right" : "Wrong" }));
      row.appendChild(document.createTextNode(" "));
      row.appendChild(el("span", { text: entry.querySelector(".stride-pair-left").textContent.trim() + ": you chose “" + chosen + "”." }));
      if (!right) {
        row.appendChild(document.createTextNode(" The match is "));
        row.appendChild(el("strong", { text: entry.querySelector(".stride-pair-right").textContent.trim() }));
        row.appendChild(document.createTextNode("."));
      }
      list.appendChild(row);
    });
    wrap.appendChild(list);
    return wrap;
  };

  Question.prototype.setDisabled = function (disabled) {
    var controls = this.area.querySelectorAll("input, select, button");
    Array.prototype.forEach.call(controls, function (c) { c.disabled = disabled; });
  };

  Question.prototype.reset = function () {
    this.build();
    this.locked = false;
    this.feedback.textContent = "";
    this.feedback.className = "stride-feedback";
    this.checkButton.hidden = this.quiz.exam;
    this.retryButton.hidden = true;
    this.quiz.forget(this);
  };

  Question.prototype.focusFirst = function () {
    var first = this.area.querySelector("input, select, button");
    if (first) first.focus();
  };

  /* ---------- one quiz ---------- */

  function Quiz(root) {
    this.root = root;
    this.key = JSON.parse(root.getAttribute("data-key"));
    if (this.key.version !== KEY_VERSION) throw new Error("answer key version " + this.key.version);
    this.id = this.key.quiz;
    this.exam = false;
    root.classList.add("stride-quiz--enhanced");
    var keys = {};
    this.key.questions.forEach(function (q) { keys[q.id] = q; });
    var self = this;
    this.questions = Array.prototype.map.call(root.querySelectorAll(".stride-q"), function (node) {
      return new Question(node, keys[node.getAttribute("data-qid")], self);
    });
    this.buildToolbar();
    this.restore();
  }

  /* Would this wipe answers the student has already given? */
  Quiz.prototype.hasSavedAnswers = function () {
    var record = readStore().quizzes[this.id];
    return !!record && Object.keys(record.answers).length > 0;
  };

  Quiz.prototype.buildToolbar = function () {
    var self = this;
    var bar = el("div", { "class": "stride-quiz-toolbar" });
    var modeId = uid("exam");
    this.examToggle = el("input", { type: "checkbox", id: modeId });
    bar.appendChild(el("label", { "for": modeId, "class": "stride-exam-toggle" }, [this.examToggle, el("span", { text: " Exam mode: feedback after you submit" })]));
    var reset = el("button", { type: "button", "class": "md-button", text: "Reset quiz" });
    var printKey = el("button", { type: "button", "class": "md-button", text: "Print with answers" });
    bar.appendChild(reset);
    bar.appendChild(printKey);
    this.root.insertBefore(bar, this.root.firstChild);
    this.submitButton = el("button", { type: "button", "class": "md-button md-button--primary stride-submit", text: "Submit quiz" });
    this.submitButton.hidden = true;
    this.scoreBox = el("div", { "class": "stride-score", role: "status", "aria-live": "polite" });
    this.root.appendChild(this.submitButton);
    this.root.appendChild(this.scoreBox);
    this.examToggle.addEventListener("change", function () {
      var wanted = self.examToggle.checked;
      if (self.hasSavedAnswers() && !window.confirm((wanted ? "Switch to exam mode" : "Leave exam mode") +
          "? This clears the answers you have given in this quiz.")) {
        self.examToggle.checked = !wanted;
        return;
      }
      self.setExam(wanted);
    });
    reset.addEventListener("click", function () {
      if (self.hasSavedAnswers() && !window.confirm("Reset this quiz? This clears the answers you have given.")) return;
      self.reset();
      self.questions[0].focusFirst();
    });
    this.submitButton.addEventListener("click", function () { self.submit(); });
    printKey.addEventListener("click", function () { printAnswerKey(); });
  };

  Quiz.prototype.setExam = function (exam) {
    this.exam = exam;
    this.examToggle.checked = exam;
    this.root.classList.toggle("stride-quiz--exam", exam);
    this.reset();
  };

  Quiz.prototype.recordAnswer = function (question, score) {
    var data = readStore();
    var record = quizRecord(data, this.id);
    record.answers[question.key.id] = { value: question.value(), score: score };
    writeStore(data);
  };

  Quiz.prototype.forget = function (question) {
    var data = readStore();
    var record = quizRecord(data, this.id);
    delete record.answers[question.key.id];
    record.completed = false;
    writeStore(data);
  };

  /* Counted the way the page numbers them: a case's parts (12a, 12b) share question 12's point. */
  Quiz.prototype.totals = function () {
    var open = {};
    var points = 0;
    this.questions.forEach(function (q) {
      if (q.checked) points += q.score() * q.key.weight;
      else open[q.key.counts_for] = true;
    });
    var left = Object.keys(open).length;
    var started = this.questions.some(function (q) { return q.checked; });
    return { answered: this.key.count - left, total: this.key.count, points: points, started: started };
  };

  Quiz.prototype.band = function (percent) {
    var message = "";
    this.key.bands.forEach(function (band) { if (percent >= band.min) message = band.message; });
    return message;
  };

  Quiz.prototype.updateScore = function (announce) {
    var t = this.totals();
    if (!t.started) { this.scoreBox.textContent = ""; return; }
    var percent = Math.round((t.points / t.total) * 100);
    var shown = Math.round(t.points * 10) / 10;
    this.scoreBox.textContent = "";
    var line = "Score: " + shown + " of " + t.total + " (" + percent + "%)";
    if (t.answered < t.total) line += " · " + (t.total - t.answered) + " question" + (t.total - t.answered === 1 ? "" : "s") + " left";
    this.scoreBox.appendChild(el("p", { "class": "stride-score-line" }, [el("strong", { text: line })]));
    if (t.answered === t.total) {
      var message = this.band(percent);
      if (message) this.scoreBox.appendChild(el("p", { "class": "stride-band", text: message }));
      if (announce) this.complete(percent, t);
    }
  };

  Quiz.prototype.complete = function (percent, totals) {
    var data = readStore();
    var record = quizRecord(data, this.id);
    record.completed = true;
    record.last = percent;
    record.best = record.best === null ? percent : Math.max(record.best, percent);
    record.updated = new Date().toISOString();
    writeStore(data);
    this.root.dispatchEvent(new CustomEvent("stride:quiz-submitted", {
      bubbles: true,
      detail: { quiz: this.id, score: totals.points, total: totals.total, percent: percent, mode: this.exam ? "exam" : "practice" }
    }));
  };

  Quiz.prototype.submit = function () {
    var missing = this.questions.filter(function (q) { return !q.answered(); });
    if (missing.length) {
      var units = {};
      missing.forEach(function (q) { units[q.key.counts_for] = true; });
      var count = Object.keys(units).length;
      this.scoreBox.textContent = count + " question" + (count === 1 ? " is" : "s are") + " not answered yet.";
      missing[0].focusFirst();
      return;
    }
    this.questions.forEach(function (q) { q.check(false); });
    this.submitButton.hidden = true;
    this.updateScore(true);
    this.scoreBox.setAttribute("tabindex", "-1");
    this.scoreBox.focus();
  };

  Quiz.prototype.reset = function () {
    var data = readStore();
    delete data.quizzes[this.id];
    if (this.exam) quizRecord(data, this.id).exam = true;
    writeStore(data);
    var exam = this.exam;
    this.questions.forEach(function (q) {
      q.reset();
      q.checkButton.hidden = exam;
    });
    this.submitButton.hidden = !exam;
    this.scoreBox.textContent = "";
  };

  Quiz.prototype.restore = function () {
    var record = readStore().quizzes[this.id];
    this.submitButton.hidden = true;
    if (!record) return;
    if (record.exam) {
      this.exam = true;
      this.examToggle.checked = true;
      this.root.classList.add("stride-quiz--exam");
      this.questions.forEach(function (q) { q.checkButton.hidden = true; });
      this.submitButton.hidden = false;
    }
    this.questions.forEach(function (q) {
      var saved = record.answers[q.key.id];
      if (saved) { q.restore(saved.value); q.check(false); }
    });
    if (this.exam) this.submitButton.hidden = this.questions.every(function (q) { return q.checked; });
    this.updateScore(false);
  };

  /* ---------- printing and the lesson index ---------- */

  function printAnswerKey() {
    var root = document.documentElement;
    root.classList.add("stride-print-answers");
    var answers = document.querySelectorAll("details.stride-answer");
    Array.prototype.forEach.call(answers, function (d) { d.hidden = false; d.open = true; });
    window.addEventListener("afterprint", function restore() {
      root.classList.remove("stride-print-answers");
      Array.prototype.forEach.call(answers, function (d) { d.open = false; d.hidden = d.closest(".stride-quiz--enhanced") !== null; });
      window.removeEventListener("afterprint", restore);
    });
    window.print();
  }

  function showProgress() {
    var data = readStore();
    Array.prototype.forEach.call(document.querySelectorAll(".stride-progress[data-quiz]"), function (node) {
      var record = data.quizzes[node.getAttribute("data-quiz")];
      if (!record || (!record.completed && Object.keys(record.answers).length === 0)) node.textContent = "Not started";
      else if (record.completed) node.textContent = "Done · best " + record.best + "%";
      else node.textContent = "In progress · " + Object.keys(record.answers).length + " answered";
    });
  }

  function init() {
    document.documentElement.classList.add("stride-js");
    Array.prototype.forEach.call(document.querySelectorAll(".stride-quiz"), function (root) {
      if (root.getAttribute("data-enhanced")) return;
      root.setAttribute("data-enhanced", "true");
      try { new Quiz(root); } catch (err) {
        root.classList.remove("stride-quiz--enhanced");
        if (window.console) window.console.error("Stride quiz could not start:", err);
      }
    });
    showProgress();
  }

  window.StrideQuiz = { storageKey: STORE_KEY, version: STORE_VERSION, normaliseText: normaliseText, parseNumber: parseNumber };
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
