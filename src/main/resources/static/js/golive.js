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
