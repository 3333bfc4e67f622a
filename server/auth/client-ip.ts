export const CLIENT_IP_HEADER = "x-wiki-client-ip";
