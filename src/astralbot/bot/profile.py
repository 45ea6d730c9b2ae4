"""My profile: the card, editing a field, free-text answers and the choice of an ambiguous place."""

from __future__ import annotations

from telegram import Update

from astralbot.bot import keyboards
from astralbot.bot.context import AstralContext, t_for, tg_user
from astralbot.bot.replies import profile_card, show
from astralbot.i18n import Translator
from astralbot.services.profiles import EDITABLE_FIELDS, EditableField, InputOutcome


async def show_profile(update: Update, context: AstralContext) -> None:
    profile = await context.services.profiles.view(update.update_id, tg_user(update))
    t = t_for(profile.locale)
    await show(update, profile_card(t, profile), keyboards.profile(t))


async def edit_field(update: Update, context: AstralContext) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    field = query.data.removeprefix(keyboards.EDIT_PREFIX)
    if field not in EDITABLE_FIELDS:
        return
    profile = await context.services.profiles.begin_edit(update.update_id, tg_user(update), field)
    t = t_for(profile.locale)
    await show(update, t(f"ask-{field}"), keyboards.editing(t, field))


async def time_unknown(update: Update, context: AstralContext) -> None:
    outcome = await context.services.profiles.set_time_unknown(update.update_id, tg_user(update))
    await _reply_outcome(update, outcome)


async def choose_place(update: Update, context: AstralContext) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    raw = query.data.removeprefix(keyboards.PLACE_PREFIX)
    geoname_id = int(raw) if raw.isdigit() else -1
    outcome = await context.services.profiles.choose_place(update.update_id, tg_user(update), geoname_id)
    await _reply_outcome(update, outcome)


async def text_input(update: Update, context: AstralContext) -> None:
    message = update.effective_message
    assert message is not None and message.text is not None
    outcome = await context.services.profiles.submit_text(update.update_id, tg_user(update), message.text)
    await _reply_outcome(update, outcome)


async def _reply_outcome(update: Update, outcome: InputOutcome) -> None:
    t = t_for(outcome.profile.locale)
    if outcome.kind == "not_editing":
        await show(update, t("not-editing"), keyboards.main_menu(t))
    elif outcome.kind == "invalid":
        assert outcome.field is not None
        text = t(f"error-{outcome.error_code}", **outcome.error_params) + "\n\n" + t(f"ask-{outcome.field}")
        await show(update, text, keyboards.editing(t, outcome.field))
    elif outcome.kind == "choose_place":
        await show(
            update, t("choose-place"), keyboards.place_choices(t, outcome.choices, outcome.profile.locale)
        )
    else:
        await _saved(update, t, outcome)


async def _saved(update: Update, t: Translator, outcome: InputOutcome) -> None:
    profile = outcome.profile
    lines = [t("saved-field", field=t(f"field-{outcome.field}"))]
    if outcome.became_complete:
        lines.append(t("profile-complete"))
    elif profile.missing and outcome.field != "name":
        nxt: EditableField = profile.missing[0]
        lines.append(t("profile-next", field=t(f"field-{nxt}")))
    lines.append(profile_card(t, profile))
    await show(update, "\n\n".join(lines), keyboards.profile(t))
