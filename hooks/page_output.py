"""Finishes each page as it is written: Content Security Policy and markup fixes.
A thin adapter over ``strategy.page_output``."""

from strategy.page_output import finish_page


def on_post_page(output, page, config):
    return finish_page(output)


def on_post_template(output_content, template_name, config):
    """Static pages rendered from templates, such as 404.html."""
    return finish_page(output_content) if template_name.endswith(".html") else output_content
