## The bot's side of logging in to the website.
cmd-login = Log in to the website
login-code =
    <b>Log in to the website</b>

    Press the button below, or enter this one-time code on the login page:
    <code>{ $code }</code>

    The code works once and expires in 5 minutes. Never share it: whoever has it can log in as you.
login-code-no-button =
    <b>Log in to the website</b>

    Open { $url } and enter this one-time code:
    <code>{ $code }</code>

    The code works once and expires in 5 minutes. Never share it: whoever has it can log in as you.
login-open-site = 🔐 Open the website
login-confirm-ask =
    <b>Log in to the Astral website?</b>

    Confirm only if you have just pressed “Log in with Telegram” on the site yourself. If someone sent you this link, press “Cancel”.
login-confirm = ✔️ Yes, log me in
login-cancel = ✖️ Cancel
login-confirmed = ✔️ Done. Go back to the browser tab: you are logged in there.
login-cancelled = Login cancelled.
login-expired = This login request has expired or was already used. Start again on the website.
