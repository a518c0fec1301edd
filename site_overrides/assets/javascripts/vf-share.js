// « Copier le lien »: shown only where the browser can copy. Reading needs no script.
for (const button of document.querySelectorAll("[data-vf-copy]")) {
  const status = button.parentElement.querySelector("[role=status]");
  if (navigator.clipboard && window.isSecureContext) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(button.dataset.vfCopy);
        status.textContent = "Lien copié\u202f!";
      } catch {
        status.textContent = "Copie impossible : sélectionnez l’adresse du navigateur.";
      }
    });
  }
}

// « Et si… ? » (macros/what_if.py): hidden without this script; the scenario script and the
// article's graph load only when the reader opens the box.
const vfScenarioScript = document.currentScript && document.currentScript.src
  .replace(/vf-share\.js(\?.*)?$/, "vf-scenario.js");
for (const box of document.querySelectorAll("details.vf-whatif")) {
  box.hidden = false;
  box.addEventListener("toggle", () => {
    if (!box.open || !vfScenarioScript || document.querySelector("script[data-vf-scenario]")) {
      return;
    }
    const script = document.createElement("script");
    script.src = vfScenarioScript;
    script.dataset.vfScenario = "";
    document.head.append(script);
  });
}
