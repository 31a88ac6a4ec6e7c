// Only the browser knows the viewer's time zone: offer the week in it. The server draws it (?zone=), as core computes.
(function () {
  function offerMyZone() {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    if (!zone) {
      return;
    }
    document.querySelectorAll("a[data-release-gate-zone-link]").forEach(function (link) {
      link.href = "?zone=" + encodeURIComponent(zone);
      link.querySelector(".release-gate-zone-name").textContent = zone;
      link.hidden = false;
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", offerMyZone);
  } else {
    offerMyZone();
  }
})();
