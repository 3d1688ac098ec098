// Clipboard HTML as Word for Windows (Microsoft 365) puts it on the clipboard, cut down to the parts
// that matter: the Office namespaces, the head with its styles, the fragment markers, list
// paragraphs with their typed-out markers in `mso-list:Ignore` spans, <o:p> and VML images.

const document = (fragment: string) => `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="file:///C:/Users/bea/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings>
  <o:AllowPNG/>
 </o:OfficeDocumentSettings>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;
	margin-top:0cm;
	margin-bottom:8.0pt;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}
h1
	{mso-style-priority:9;
	mso-style-link:"Kop 1 Char";
	font-size:16.0pt;}
p.MsoListParagraphCxSpFirst
	{mso-style-priority:34;
	margin-left:36.0pt;}
 /* List Definitions */
 @list l0
	{mso-list-id:1190291207;
	mso-list-type:hybrid;}
@list l0:level1
	{mso-level-tab-stop:none;
	mso-level-number-position:left;
	text-indent:-18.0pt;}
-->
</style>
</head>

<body lang=NL style='tab-interval:35.4pt;word-wrap:break-word'>
<!--StartFragment-->
${fragment}
<!--EndFragment-->
</body>

</html>`;

export const wordClipboard = {
  numberedList: document(`<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=EN-GB style='mso-ansi-language:EN-GB'><span style='mso-list:Ignore'>1.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span
lang=EN-GB style='mso-ansi-language:EN-GB'>Multi-factor authentication for all administrators.<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=EN-GB style='mso-ansi-language:EN-GB'><span style='mso-list:Ignore'>2.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span
lang=EN-GB style='mso-ansi-language:EN-GB'>Access is reviewed every quarter.<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span
lang=EN-GB style='font-family:"Courier New";mso-fareast-font-family:"Courier New";mso-ansi-language:EN-GB'><span
style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]><span
lang=EN-GB style='mso-ansi-language:EN-GB'>by the supplier’s CISO<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span
lang=EN-GB style='font-family:"Courier New";mso-fareast-font-family:"Courier New";mso-ansi-language:EN-GB'><span
style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]><span
lang=EN-GB style='mso-ansi-language:EN-GB'>with the buyer’s contact<o:p></o:p></span></p>

<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=EN-GB style='mso-ansi-language:EN-GB'><span style='mso-list:Ignore'>3.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span
lang=EN-GB style='mso-ansi-language:EN-GB'>Accounts are removed within one working day.<o:p></o:p></span></p>

<p class=MsoNormal><span lang=EN-GB style='mso-ansi-language:EN-GB'>After the list.<o:p></o:p></span></p>`),

  headings: document(`<h1><a name="_Toc152"><span lang=EN-GB style='mso-ansi-language:EN-GB'>Access control</span></a><span
lang=EN-GB style='mso-ansi-language:EN-GB'><o:p></o:p></span></h1>

<p class=MsoNormal><span lang=EN-GB style='mso-ansi-language:EN-GB'>The supplier restricts access to the service.<o:p></o:p></span></p>

<h2><span lang=EN-GB style='mso-ansi-language:EN-GB'>Logging<o:p></o:p></span></h2>

<p class=MsoNormal><span lang=EN-GB style='mso-ansi-language:EN-GB'>Logs are kept for a year.<o:p></o:p></span></p>

<p class=MsoHeading7><span lang=EN-GB style='mso-ansi-language:EN-GB'>Annex<o:p></o:p></span></p>`),

  withImages: document(`<p class=MsoNormal><span lang=EN-GB style='mso-ansi-language:EN-GB'>The network diagram:<o:p></o:p></span></p>

<p class=MsoNormal><span style='mso-no-proof:yes'><!--[if gte vml 1]><v:shape id="Afbeelding_x0020_1"
 o:spid="_x0000_i1026" type="#_x0000_t75" style='width:451.5pt;height:253.5pt;visibility:visible;mso-wrap-style:square'>
 <v:imagedata src="file:///C:/Users/bea/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" o:title=""/>
</v:shape><![endif]--><![if !vml]><img width=602 height=338
src="file:///C:/Users/bea/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png" v:shapes="Afbeelding_x0020_1"><![endif]></span></p>

<p class=MsoNormal><span lang=EN-GB style='mso-ansi-language:EN-GB'>And the data flow:<o:p></o:p></span></p>

<p class=MsoNormal><span style='mso-no-proof:yes'><![if !vml]><img width=400 height=200
src="file:///C:/Users/bea/AppData/Local/Temp/msohtmlclip1/01/clip_image004.png" v:shapes="Afbeelding_x0020_2"><![endif]></span></p>`),

  table: document(`<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=302 valign=top style='width:226.55pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal style='margin-bottom:0cm;line-height:normal'><b><span lang=EN-GB>Data<o:p></o:p></span></b></p>
  </td>
  <td width=302 valign=top style='width:226.55pt;border:solid windowtext 1.0pt;border-left:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal style='margin-bottom:0cm;line-height:normal'><b><span lang=EN-GB>Retention<o:p></o:p></span></b></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=302 valign=top style='width:226.55pt;border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal style='margin-bottom:0cm;line-height:normal'><span lang=EN-GB>Logs<o:p></o:p></span></p>
  </td>
  <td width=302 valign=top style='width:226.55pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal style='margin-bottom:0cm;line-height:normal'><span lang=EN-GB>1 year<o:p></o:p></span></p>
  </td>
 </tr>
</table>`),
};
