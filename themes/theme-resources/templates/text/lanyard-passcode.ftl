<#ftl output_format="plainText">
${msg("lanyardPasscodeBody", code, ttlMinutes, realmName)}
