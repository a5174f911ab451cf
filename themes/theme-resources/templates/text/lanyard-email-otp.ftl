<#ftl output_format="plainText">
${msg("lanyardEmailOtpBody", code, ttlMinutes, realmName)}
