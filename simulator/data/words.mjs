// Word lists the generated records are made of.
export const NAME_PREFIXES = ['Alpen', 'Nord', 'Blue', 'Bright', 'Cedar', 'Delta', 'Ever', 'Falcon', 'Green', 'Harbor', 'Iron', 'Juniper', 'Keystone', 'Lumen', 'Meridian', 'Nova', 'Orbit', 'Pioneer', 'Quantum', 'River', 'Summit', 'Terra', 'Union', 'Vertex', 'Westwind', 'Zenith'];

export const NAME_CORES = ['Soft', 'Data', 'Logic', 'Works', 'Labs', 'Systems', 'Cloud', 'Metrics', 'Hotels', 'Foods', 'Robotics', 'Health', 'Energy', 'Logistics', 'Finance', 'Media'];

export const LOCATIONS = [
	{ city: 'Berlin', country: 'Germany', code: 'DE', tld: 'de', legal: 'GmbH' },
	{ city: 'Munich', country: 'Germany', code: 'DE', tld: 'de', legal: 'GmbH' },
	{ city: 'Hamburg', country: 'Germany', code: 'DE', tld: 'de', legal: 'GmbH' },
	{ city: 'Cologne', country: 'Germany', code: 'DE', tld: 'de', legal: 'GmbH' },
	{ city: 'Vienna', country: 'Austria', code: 'AT', tld: 'at', legal: 'GmbH' },
	{ city: 'Graz', country: 'Austria', code: 'AT', tld: 'at', legal: 'GmbH' },
	{ city: 'Zurich', country: 'Switzerland', code: 'CH', tld: 'ch', legal: 'AG' },
	{ city: 'Basel', country: 'Switzerland', code: 'CH', tld: 'ch', legal: 'AG' },
	{ city: 'Amsterdam', country: 'Netherlands', code: 'NL', tld: 'nl', legal: 'B.V.' },
	{ city: 'Rotterdam', country: 'Netherlands', code: 'NL', tld: 'nl', legal: 'B.V.' },
	{ city: 'Paris', country: 'France', code: 'FR', tld: 'fr', legal: 'SAS' },
	{ city: 'London', country: 'United Kingdom', code: 'GB', tld: 'co.uk', legal: 'Ltd' },
	{ city: 'Manchester', country: 'United Kingdom', code: 'GB', tld: 'co.uk', legal: 'Ltd' },
	{ city: 'New York', country: 'United States', code: 'US', tld: 'com', legal: 'Inc.' },
	{ city: 'Austin', country: 'United States', code: 'US', tld: 'com', legal: 'Inc.' },
	{ city: 'San Francisco', country: 'United States', code: 'US', tld: 'com', legal: 'Inc.' },
];

export const BUSINESS_TYPES = [
	{ business_type: 'Software', industry: 'Information Technology' },
	{ business_type: 'IT Services', industry: 'Information Technology' },
	{ business_type: 'Hotel', industry: 'Hospitality' },
	{ business_type: 'Manufacturer', industry: 'Manufacturing' },
	{ business_type: 'Logistics Provider', industry: 'Transportation & Logistics' },
	{ business_type: 'Online Shop', industry: 'E-commerce' },
	{ business_type: 'Clinic', industry: 'Healthcare' },
	{ business_type: 'Fintech', industry: 'Financial Services' },
	{ business_type: 'Marketing Agency', industry: 'Marketing & Advertising' },
	{ business_type: 'Consultancy', industry: 'Professional Services' },
	{ business_type: 'Solar Installer', industry: 'Renewable Energy' },
	{ business_type: 'Food Producer', industry: 'Food & Beverage' },
];

export const FIRST_NAMES = ['Anna', 'Ben', 'Clara', 'David', 'Elena', 'Felix', 'Greta', 'Hannah', 'Jonas', 'Julia', 'Lukas', 'Maria', 'Noah', 'Olivia', 'Paul', 'Sophie', 'Tom', 'Lea', 'Max', 'Emma'];

export const LAST_NAMES = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Koch', 'Smith', 'Johnson', 'Brown', 'Jansen', 'de Vries', 'Martin', 'Bernard', 'Keller', 'Huber', 'Gruber'];

export const ROLES = [
	{ role: 'CEO', seniority: 'c_level', department: 'Management' },
	{ role: 'CTO', seniority: 'c_level', department: 'Engineering' },
	{ role: 'COO', seniority: 'c_level', department: 'Operations' },
	{ role: 'Founder', seniority: 'owner', department: 'Management' },
	{ role: 'Head of Sales', seniority: 'head', department: 'Sales' },
	{ role: 'VP Marketing', seniority: 'vp', department: 'Marketing' },
	{ role: 'Head of IT', seniority: 'head', department: 'IT' },
	{ role: 'Procurement Manager', seniority: 'manager', department: 'Procurement' },
	{ role: 'Managing Director', seniority: 'c_level', department: 'Management' },
	{ role: 'Head of Operations', seniority: 'head', department: 'Operations' },
];

export const TECHNOLOGIES = [
	{ name: 'WordPress', category: 'CMS' },
	{ name: 'Shopify', category: 'E-commerce' },
	{ name: 'Magento', category: 'E-commerce' },
	{ name: 'HubSpot', category: 'Marketing Automation' },
	{ name: 'Salesforce', category: 'CRM' },
	{ name: 'Pipedrive', category: 'CRM' },
	{ name: 'Google Analytics', category: 'Analytics' },
	{ name: 'Matomo', category: 'Analytics' },
	{ name: 'Hotjar', category: 'Analytics' },
	{ name: 'Cloudflare', category: 'CDN' },
	{ name: 'Fastly', category: 'CDN' },
	{ name: 'React', category: 'JavaScript Framework' },
	{ name: 'Vue.js', category: 'JavaScript Framework' },
	{ name: 'Angular', category: 'JavaScript Framework' },
	{ name: 'Nginx', category: 'Web Server' },
	{ name: 'Apache', category: 'Web Server' },
	{ name: 'Stripe', category: 'Payments' },
	{ name: 'Adyen', category: 'Payments' },
	{ name: 'Intercom', category: 'Live Chat' },
	{ name: 'Zendesk', category: 'Customer Support' },
	{ name: 'Cookiebot', category: 'Consent Management' },
	{ name: 'Usercentrics', category: 'Consent Management' },
	{ name: 'AWS', category: 'Hosting' },
	{ name: 'Google Cloud', category: 'Hosting' },
];

export const JOB_TITLES = [
	{ title: 'Senior Backend Engineer', department: 'Engineering' },
	{ title: 'Frontend Developer', department: 'Engineering' },
	{ title: 'DevOps Engineer', department: 'Engineering' },
	{ title: 'Account Executive', department: 'Sales' },
	{ title: 'Sales Development Representative', department: 'Sales' },
	{ title: 'Marketing Manager', department: 'Marketing' },
	{ title: 'Content Marketing Specialist', department: 'Marketing' },
	{ title: 'Customer Success Manager', department: 'Customer Success' },
	{ title: 'Financial Controller', department: 'Finance' },
	{ title: 'HR Business Partner', department: 'People' },
	{ title: 'Operations Manager', department: 'Operations' },
	{ title: 'Data Analyst', department: 'Data' },
];

export const SEARCH_TEMPLATES = [
	{ name: 'DACH SaaS companies', icp: 'B2B software companies in Germany, Austria and Switzerland with 20-500 employees', geo: ['DE', 'AT', 'CH'], keywords: ['saas', 'b2b software', 'cloud platform'] },
	{ name: 'Boutique hotels Europe', icp: 'Independent hotels with 20-150 rooms and their own booking engine', geo: ['DE', 'AT', 'NL', 'FR'], keywords: ['boutique hotel', 'design hotel'] },
	{ name: 'Logistics providers Benelux', icp: 'Freight forwarders and 3PL providers with their own warehouses', geo: ['NL', 'BE', 'LU'], keywords: ['3pl', 'freight forwarding', 'warehousing'] },
	{ name: 'US e-commerce brands', icp: 'Direct-to-consumer brands selling online with $5-50M revenue', geo: ['US'], keywords: ['d2c', 'online shop', 'shopify'] },
	{ name: 'UK marketing agencies', icp: 'Performance marketing agencies with 10-200 employees', geo: ['GB'], keywords: ['performance marketing', 'paid social'] },
];

export const REVIEW_STATUSES = ['accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'pending', 'pending', 'pending', 'rejected', 'rejected'];

export const EMPLOYMENT_TYPES = ['full_time', 'full_time', 'full_time', 'part_time', 'contract', 'internship'];

export const JOB_SENIORITIES = ['junior', 'mid', 'mid', 'senior', 'senior', 'lead'];

export const COURTS = ['Amtsgericht Berlin-Charlottenburg', 'Amtsgericht München', 'Amtsgericht Hamburg', 'Handelsgericht Wien', 'Handelsregister Zürich'];
