"""988 and 911 become links a phone can call or text."""

from config.templatetags.phone_links import phone_links


def test_it_links_call_or_text_988_and_911():
    html = phone_links("Call or text 988 now, or call 911 <b>today</b>.")

    assert html == (
        '<a class="alert-link" href="tel:988">Call</a> or '
        '<a class="alert-link" href="sms:988">text</a> 988 now, or call '
        '<a class="alert-link" href="tel:911">911</a> &lt;b&gt;today&lt;/b&gt;.'
    )


def test_it_leaves_other_numbers_alone():
    assert (
        phone_links("Room 9110, 1988 and 988")
        == 'Room 9110, 1988 and <a class="alert-link" href="tel:988">988</a>'
    )


def test_a_phone_number_becomes_a_tel_link_with_its_digits_escaped():
    from config.templatetags.phone_links import tel

    assert tel("(555) 010-0199") == '<a href="tel:5550100199">(555) 010-0199</a>'
    assert tel("+1 555 <b>") == '<a href="tel:+1555">+1 555 &lt;b&gt;</a>'
    assert tel("") == ""
