"""The replica of english.mee.gov.cn and www.mee.gov.cn: corpus, rendering, server, truth."""
