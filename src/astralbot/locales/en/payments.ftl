## Paid full reading
full-offer =
    <b>The full natal chart reading</b>
    
    • the chart wheel in high resolution;
    • every planet in its sign and house, the Ascendant and MC, the lunar nodes;
    • the major aspects of your chart;
    • a PDF report to keep and print.
    
    Pay once — download it again any time from “My charts”.
btn-pay-stars = ⭐ Pay { $price } Stars
btn-pay-card = 💳 Pay by card — { $price } ₽
btn-pay-link = 💳 Go to payment
btn-my-charts = 📂 My charts
invoice-title = Natal chart: full reading
invoice-description = The complete reading of your natal chart: planets in signs and houses, the angles, the aspects and a PDF report.
invoice-label = Full reading
pay-card-link = Your invoice is ready. Press the button to pay by card with YooKassa. As soon as the payment goes through, I will start on your reading.
pay-card-unavailable = Card payment is not available right now. Please pay with Telegram Stars.
pay-canceled = The payment was cancelled. You can try again from the menu.
pay-error-unknown-order = This invoice was not found. Please create a new one from the menu.
pay-error-stale-order = This invoice is no longer valid: it was already paid or cancelled. Please create a new one from the menu.
pay-error-price-changed = The price has changed. Please create a new invoice from the menu.

pay-progress-received = ✅ Payment received. Preparing your reading…
pay-progress-calculating = 🔭 Calculating the planets…
pay-progress-drawing = 🎨 Drawing the chart wheel…
pay-progress-writing = ✍️ Writing your reading…
pay-progress-done = 🌟 Done! Your reading is below. You can download it again any time from “My charts”.
pay-failed-refunded = Sorry, we could not prepare your reading. Your payment has been refunded.
pay-failed-support = Sorry, we could not prepare your reading. We will refund you — please contact support if the money is not back within a day.

full-caption = <b>Your natal chart</b>
full-pdf-filename = natal-chart.pdf
full-pdf-caption = The full reading as PDF

my-charts-title = <b>My charts</b>. Choose a reading to get it again:
my-charts-empty = You have no paid readings yet.
my-charts-missing = This reading was not found.
