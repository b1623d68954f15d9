// Sends the CSRF token of the page with every htmx request (the API checks it for browser sessions).
document.addEventListener("htmx:configRequest", function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) {
    event.detail.headers["X-CSRF-TOKEN"] = meta.getAttribute("content");
  }
});

// Sends JSON to the API with the page's CSRF token; calls done(ok, answer, status) with the parsed
// answer ({} when it has none), or shows why nothing was sent in the form's .result.
function sendJson(form, method, url, body, done) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  fetch(url, {
    method: method,
    headers: {"Content-Type": "application/json", "X-CSRF-TOKEN": meta ? meta.getAttribute("content") : ""},
    body: JSON.stringify(body)
  }).then(function (response) {
    return response.json().catch(function () { return {}; }).then(function (answer) {
      done(response.ok, answer, response.status);
    });
  }).catch(function (e) {
    form.querySelector(".result").textContent = "not sent: " + e;
  });
}

// "Evidence link: must be an http(s) URL" from the API's {problems: [{field, message}]}, in the form's words.
function problems(form, answer) {
  if (!answer.problems) {
    return "";
  }
  return answer.problems.map(function (p) {
    var field = form.elements[p.field];
    var label = field && field.closest("label") ? field.closest("label").firstChild.textContent.trim() : p.field;
    return label + ": " + p.message;
  }).join("; ");
}

// Sign-off forms post JSON to the API; the status section shows the result on its next refresh, and
// the form says at once whether the server took it.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.classList.contains("signoff")) {
    return;
  }
  event.preventDefault();
  var result = form.querySelector(".result");
  var verdict = event.submitter ? event.submitter.value : "APPROVE";
  var body = {role: form.elements.role.value, verdict: verdict, comment: form.elements.comment.value || null};
  sendJson(form, "POST", form.dataset.url, body, function (ok, answer, status) {
    result.textContent = ok ? verdict + " recorded" : (answer.message || ("refused: " + status));
    if (ok && window.htmx) {
      htmx.trigger("#status", "refresh");
    }
  });
});

// Item edit forms send the fields the editor changed to PATCH /api/launches/{id}/items?item=ID (the
// API's one path for item work, CSRF-checked for sessions); the timeline is then drawn again.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.classList.contains("item-edit")) {
    return;
  }
  event.preventDefault();
  var result = form.querySelector(".result");
  var body = {};
  ["owner", "status", "note", "evidenceUrl"].forEach(function (name) {
    var field = form.elements[name];
    if (field && field.value !== (field.dataset.initial || "")) {
      body[name] = field.value;
    }
  });
  if (Object.keys(body).length === 0) {
    result.textContent = "nothing changed";
    return;
  }
  result.textContent = "saving…";
  sendJson(form, "PATCH", form.dataset.url, body, function (ok, answer, status) {
    if (!ok) {
      result.textContent = problems(form, answer) || answer.message || ("refused: " + status);
      return;
    }
    var saved = document.getElementById("edit-result");
    if (saved) {
      saved.textContent = "Saved " + form.dataset.item + ": " + Object.keys(body).join(", ") + " by " + answer.updatedBy;
    }
    if (window.htmx) {
      htmx.trigger("#timeline", "refresh");
    }
  });
});
