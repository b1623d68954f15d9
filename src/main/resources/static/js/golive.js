// Sends the CSRF token of the page with every htmx request (the API checks it for browser sessions).
document.addEventListener("htmx:configRequest", function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) {
    event.detail.headers["X-CSRF-TOKEN"] = meta.getAttribute("content");
  }
});

// Sign-off forms post JSON to the API with the page's CSRF token; the status section shows the result
// on its next refresh, and the form says at once whether the server took it.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.classList.contains("signoff")) {
    return;
  }
  event.preventDefault();
  var meta = document.querySelector('meta[name="csrf-token"]');
  var result = form.querySelector(".result");
  var verdict = event.submitter ? event.submitter.value : "APPROVE";
  var body = {role: form.elements.role.value, verdict: verdict, comment: form.elements.comment.value || null};
  fetch(form.dataset.url, {
    method: "POST",
    headers: {"Content-Type": "application/json", "X-CSRF-TOKEN": meta ? meta.getAttribute("content") : ""},
    body: JSON.stringify(body)
  }).then(function (response) {
    return response.json().then(function (answer) {
      result.textContent = response.ok ? verdict + " recorded" : (answer.message || ("refused: " + response.status));
      if (response.ok && window.htmx) {
        htmx.trigger("#status", "refresh");
      }
    });
  }).catch(function (e) {
    result.textContent = "not sent: " + e;
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
  var meta = document.querySelector('meta[name="csrf-token"]');
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
  fetch(form.dataset.url, {
    method: "PATCH",
    headers: {"Content-Type": "application/json", "X-CSRF-TOKEN": meta ? meta.getAttribute("content") : ""},
    body: JSON.stringify(body)
  }).then(function (response) {
    return response.json().catch(function () { return {}; }).then(function (answer) {
      if (!response.ok) {
        result.textContent = problems(form, answer) || answer.message || ("refused: " + response.status);
        return;
      }
      var done = document.getElementById("edit-result");
      if (done) {
        done.classList.remove("bad");
        done.textContent = "Saved " + form.dataset.item + ": " + Object.keys(body).join(", ") + " by " + answer.updatedBy;
      }
      if (window.htmx) {
        htmx.trigger("#timeline", "refresh");
      }
    });
  }).catch(function (e) {
    result.textContent = "not sent: " + e;
  });
});

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
