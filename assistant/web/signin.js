// What both pages share: the language switch, the sign-in form, sign-out, and a rejected token.

import { UNAUTHORIZED_EVENT } from "./api.js";
import { setLocale, t } from "./i18n.js";

export function wireSignIn({ applyLocale, signIn, signOut, isSignedIn, showError }) {
  const $ = (id) => document.getElementById(id);
  applyLocale();
  $("locale-select").addEventListener("change", (event) => {
    setLocale(event.target.value);
    applyLocale();
  });
  $("sign-in-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const token = $("token-input").value.trim();
    if (!token) showError("sign-in-error", t("token_empty"));
    else signIn(token);
  });
  $("sign-out").addEventListener("click", signOut);
  window.addEventListener(UNAUTHORIZED_EVENT, () => {
    if (!isSignedIn()) return;  // the sign-in form reports a bad token itself
    signOut();
    showError("sign-in-error", t("token_rejected"));
  });
}
