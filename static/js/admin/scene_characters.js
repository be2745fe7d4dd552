// The scene form's hugger and hugged autocompletes offer only the characters of the drama selected on the form
// (CharacterAdmin.get_search_results reads the drama's id). A static file: the Content-Security-Policy runs no
// inline script. Loaded after Django admin's jQuery, without defer, so django.jQuery exists.
"use strict";
{
    const characterFields = new Set(["hugger", "hugged"]);
    django.jQuery.ajaxPrefilter(function(options) {
        if (typeof options.data !== "string") {
            return;
        }
        const params = new URLSearchParams(options.data);
        if (params.get("app_label") !== "scenes" || params.get("model_name") !== "scene" || !characterFields.has(params.get("field_name"))) {
            return;
        }
        const drama = document.getElementById("id_drama");
        if (drama && drama.value) {
            params.set("drama", drama.value);
            options.data = params.toString();
        }
    });
}
