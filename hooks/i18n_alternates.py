"""static-i18n, made to cost the same per page at 4 languages as at 24.

For every language it builds, mkdocs-static-i18n 1.3.1 looks for each page's
twin in each language by re-creating, one after the other, every other
language's copy of the page until one turns out to be in that language: a
cost that grows with the cube of the number of languages (at 24 languages,
about 130,000 copies, a third of the build). With the folder structure a
copy's language is the first folder of its path, so only the copy in that
folder can be the twin: this replacement re-creates just that one, and finds
the same twins. It applies to exactly the configuration this site uses
(folder structure, no fallback); any other falls back to static-i18n's own."""

from pathlib import PurePath
from types import MethodType

from mkdocs.plugins import event_priority

from course.build.mkdocs_run import i18n


@event_priority(100)
def on_config(config):
    plugin = i18n(config)
    if not getattr(plugin, "_course_alternates", False):
        plugin._course_alternates = True
        original = plugin.reconfigure_files_alternates
        plugin.reconfigure_files_alternates = MethodType(_find_twins(original), plugin)
    return config


def _find_twins(original):
    def reconfigure_files_alternates(self, i18n_src_uris, i18n_alternate_src_uris, mkdocs_config, create_i18n_file):
        if self.config.docs_structure != "folder" or self.config.fallback_to_default:
            return original(i18n_src_uris, i18n_alternate_src_uris, mkdocs_config, create_i18n_file)
        for build_lang in sorted(self.build_languages):
            for src_uri, i18n_file in i18n_src_uris.items():
                if build_lang in i18n_file.alternates:
                    continue
                for candidate in i18n_alternate_src_uris.get(src_uri, []):
                    if PurePath(candidate.src_path).parts[0] != build_lang:
                        continue  # in another language's folder: it cannot be this language's twin
                    twin = create_i18n_file(
                        candidate, build_lang, self.default_language, self.all_languages, mkdocs_config
                    )
                    if twin.locale == build_lang:
                        i18n_file.alternates[twin.locale] = twin
                        break

    return reconfigure_files_alternates
