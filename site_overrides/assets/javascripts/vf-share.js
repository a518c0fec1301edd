// « Copier le lien »: shown only where the browser can copy. Reading needs no script.
for (const button of document.querySelectorAll("[data-vf-copy]")) {
  const item = button.closest("li");
  const status = item.querySelector("[role=status]");
  if (navigator.clipboard && window.isSecureContext) {
    item.hidden = false;
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
