"""One 404.html for the whole site, in the default language's chrome.

static-i18n rebuilds the site per language and each build writes the same
404.html, so the last language built would win. The page speaks every
language (overrides/404.html); this keeps the default language's rendering."""

from course.build.mkdocs_run import current_language, i18n

_default_rendering: dict[str, str] = {}


def on_post_template(output_content, template_name, config):
    if template_name != "404.html":
        return output_content
    if current_language(config) == i18n(config).default_language:
        _default_rendering["404.html"] = output_content
        return output_content
    return _default_rendering.get("404.html", output_content)
