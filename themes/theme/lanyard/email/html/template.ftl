<#macro emailLayout>
<html lang="${locale.language}" dir="${(ltr)?then('ltr','rtl')}">
<body style="margin:0;padding:0;background:#f4f6f8;font-family:Helvetica,Arial,sans-serif;color:#1f2933;">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="background:#f4f6f8;">
    <tr>
        <td align="center" style="padding:24px;">
            <table role="presentation" width="560" cellspacing="0" cellpadding="0" style="background:#ffffff;border-radius:6px;">
                <tr>
                    <td style="padding:16px 24px;background:#0b5cad;color:#ffffff;font-size:18px;font-weight:bold;border-radius:6px 6px 0 0;">
                        ${realmName}
                    </td>
                </tr>
                <tr>
                    <td style="padding:24px;font-size:15px;line-height:1.5;">
                        <#nested>
                    </td>
                </tr>
                <tr>
                    <td style="padding:12px 24px;font-size:12px;color:#6b7785;">
                        ${msg("lanyardEmailFooter")}
                    </td>
                </tr>
            </table>
        </td>
    </tr>
</table>
</body>
</html>
</#macro>
